package org.gradnote.magics;

/** An invocation that is nothing but Java: it runs that code in the session, and the exporter writes the same code. */
final class JavaInvocation implements Magic.Invocation {
    private final String code;

    private JavaInvocation(String code) {
        this.code = code;
    }

    static JavaInvocation of(String javaCode) {
        return new JavaInvocation(javaCode);
    }

    @Override
    public void run(MagicContext context) {
        context.eval(code); // an error is recorded by the kernel and stops the cell
    }

    @Override
    public JavaEquivalent javaEquivalent() {
        return JavaEquivalent.of(code);
    }
}
