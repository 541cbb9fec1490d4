package org.gradnote.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gradnote.kernel.install.KernelSpecInstaller;
import org.gradnote.kernel.jshell.ClassPaths;
import org.gradnote.kernel.jshell.EvaluatorConfig;
import org.gradnote.kernel.protocol.ConnectionInfo;

/** Command line: {@code kernel CONNECTION_FILE}, {@code install [...]}, {@code uninstall [...]}. */
public final class Main {
    static final String USAGE = String.join(
            "\n",
            "usage: gradnote kernel CONNECTION_FILE",
            "       gradnote install [--user|--sys-prefix|--prefix DIR] [--name N] [--display-name D] [--jvm-opt OPT]... [--chart-svg]",
            "       gradnote uninstall [--user|--sys-prefix|--prefix DIR] [--name N]",
            "       gradnote export|check|replay|run|update|clean ... (notebooks as plain Java classes; see README)",
            "       gradnote archive   (make the class archive the evaluator, run and replay start from; build does it)",
            "  --jvm-opt options go to the evaluator JVM that runs cells (e.g. --jvm-opt=-Xmx8g).",
            "  --chart-svg: charts carry SVG beside their PNG (sharp when zoomed; larger, and nbconvert's HTML shows the SVG).");

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "kernel" -> runKernel(rest);
            case "install", "uninstall" -> System.exit(install(args[0].equals("install"), rest));
            case "-h", "--help", "help" -> System.out.println(USAGE);
            // Internal: the run that records the kernel JVM's class archive (KernelArchive, made by install).
            case "warm-kernel" -> org.gradnote.kernel.install.KernelArchive.warmUp(ClassPaths.ofKernel());
            case "archive" ->
                System.out.println(org.gradnote.TrainingArchive.create(ClassPaths.ofKernel())
                        .map(a -> "class archive: " + a)
                        .orElse("no class archive: the kernel does not run from jars, or it could not be written"));
            case "export", "check", "replay", "run", "update", "clean" ->
                System.exit(org.gradnote.kernel.export.ExportCli.main(args[0], rest));
            default -> {
                System.err.println("unknown verb: " + args[0] + "\n" + USAGE);
                System.exit(2);
            }
        }
    }

    private static void runKernel(List<String> args) throws Exception {
        if (args.size() != 1) {
            System.err.println(USAGE);
            System.exit(2);
        }
        StartupTrace.mark("main");
        String opts = System.getProperty("gradnote.evaluatorJvmOptions", "");
        List<String> vmOptions = opts.isEmpty() ? List.of() : List.of(opts.split("\u001f"));
        GradnoteKernel kernel = new GradnoteKernel(ConnectionInfo.read(Path.of(args.get(0))), () -> {
            var c = EvaluatorConfig.fromKernel(vmOptions);
            StartupTrace.mark("evaluator configured");
            return c;
        });
        StartupTrace.mark("sockets bound");
        installSigint(kernel);
        kernel.start();
        while (!kernel.awaitStopped(1, TimeUnit.HOURS)) {
            // keep waiting
        }
        System.exit(0);
    }

    /**
     * interrupt_mode "signal" front ends send SIGINT: stop the running cell instead of dying. A process started from
     * a non-interactive shell's background job ({@code cmd &}) has SIGINT ignored from birth; the JVM then keeps it
     * ignored and installs no handler (it returns SIG_IGN as the old handler instead of failing), so SIGINT can never
     * reach the kernel: say so in the log. Message-mode interrupts (interrupt_request, what the kernelspec declares)
     * still work.
     */
    static boolean installSigint(GradnoteKernel kernel) {
        var log = System.getLogger(Main.class.getName());
        try {
            sun.misc.SignalHandler old =
                    sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> kernel.interrupt());
            if (old == sun.misc.SignalHandler.SIG_IGN) {
                log.log(System.Logger.Level.WARNING, SIGINT_IGNORED);
                return false;
            }
            return true;
        } catch (IllegalArgumentException e) {
            log.log(
                    System.Logger.Level.WARNING,
                    "SIGINT not available (" + e.getMessage()
                            + "): signal-mode interrupts will not work; interrupt_request (message mode) still does");
            return false;
        }
    }

    static final String SIGINT_IGNORED = "SIGINT is ignored in this process (it was started with SIGINT ignored, as a"
            + " non-interactive shell's background job is): signal-mode interrupts cannot reach the kernel;"
            + " interrupt_request (message mode, as the kernelspec declares) still works";

    static int install(boolean install, List<String> args) throws Exception {
        String scope = "user", prefix = null, name = "gradnote", displayName = "Java (gradnote)";
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            boolean needsValue =
                    List.of("--prefix", "--name", "--display-name", "--jvm-opt").contains(flag);
            if (needsValue && value == null) {
                if (i + 1 >= args.size()) return usageError(flag + " needs a value");
                value = args.get(++i);
            }
            switch (flag) {
                case "--user" -> scope = "user";
                case "--sys-prefix" -> scope = "sys-prefix";
                case "--prefix" -> {
                    scope = "prefix";
                    prefix = value;
                }
                case "--name" -> name = value;
                case "--display-name" -> displayName = value;
                case "--jvm-opt" -> jvmOptions.add(value);
                case "--chart-svg" -> jvmOptions.add("-Dgradnote.chartSvg=true");
                default -> {
                    return usageError("unknown option " + a);
                }
            }
        }
        if (!name.matches("[A-Za-z0-9._-]+")) return usageError("--name may use letters, digits, '.', '_' and '-'");
        Path kernels = KernelSpecInstaller.kernelsDir(scope, prefix);
        if (!install) {
            var home = KernelSpecInstaller.installedClassPath(kernels, name)
                    .flatMap(cp -> org.gradnote.kernel.install.KernelHome.versionOf(
                            org.gradnote.kernel.install.KernelHome.root(), cp));
            boolean removed = KernelSpecInstaller.uninstall(kernels, name);
            System.out.println(
                    removed ? "Removed " + kernels.resolve(name) : "Not installed: " + kernels.resolve(name));
            if (home.isPresent()
                    && !KernelSpecInstaller.anyUses(kernels, home.get())
                    && org.gradnote.kernel.install.KernelHome.remove(home.get())) {
                System.out.println("Removed " + home.get());
            }
            return removed ? 0 : 1;
        }
        // The kernel's own copy of its jars, so that mvn clean or a moved checkout cannot break the installed kernel.
        Path root = org.gradnote.kernel.install.KernelHome.root();
        List<String> classPath = org.gradnote.kernel.install.KernelHome.install(root, ClassPaths.ofKernel());
        // The class archive the evaluator JVM starts from (made once per installed version, a few seconds).
        org.gradnote.TrainingArchive.create(classPath);
        // And the kernel JVM's own (javac, JShell): its first compilation is most of the time to the first result.
        List<String> kernelJvm = new ArrayList<>(org.gradnote.kernel.install.KernelArchive.KERNEL_JVM);
        var home = org.gradnote.kernel.install.KernelHome.versionOf(root, classPath);
        if (home.isPresent()) {
            org.gradnote.kernel.install.KernelArchive.create(home.get(), classPath);
            kernelJvm.addAll(org.gradnote.kernel.install.KernelArchive.options(home.get()));
        }
        Path file = KernelSpecInstaller.install(
                kernels, name, KernelSpecInstaller.spec(displayName, classPath, jvmOptions, kernelJvm));
        System.out.println("Installed kernel spec " + file + " (kernel files in "
                + org.gradnote.kernel.install.KernelHome.versionOf(root, classPath)
                        .map(Path::toString)
                        .orElse("?") + ")");
        return 0;
    }

    private static int usageError(String message) {
        System.err.println("gradnote: " + message + "\n" + USAGE);
        return 2;
    }
}
