package org.gradnote.tensor;

/**
 * A scope in which operations are not recorded for autograd, like {@code torch.no_grad()}; use it with
 * try-with-resources: {@code try (var g = Tensor.noGrad()) { ... }}.
 */
public final class GradMode implements AutoCloseable {
    private static final ThreadLocal<boolean[]> ENABLED = new ThreadLocal<>() {
        @Override
        protected boolean[] initialValue() {
            return new boolean[] {true};
        }
    };
    private final boolean previous;

    private GradMode(boolean enabled) {
        boolean[] flag = ENABLED.get();
        previous = flag[0];
        flag[0] = enabled;
    }

    static GradMode set(boolean enabled) {
        return new GradMode(enabled);
    }

    /** True when operations on this thread are currently recorded. */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Restores the mode that was in force when the scope opened. */
    @Override
    public void close() {
        ENABLED.get()[0] = previous;
    }
}
