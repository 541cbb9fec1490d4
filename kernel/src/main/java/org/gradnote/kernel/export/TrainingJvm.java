package org.gradnote.kernel.export;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.TrainingArchive;

/**
 * How export's runners start a JVM for notebook code outside the kernel (gradnote run, replay): this JDK's java,
 * headless, with gradnote's training JVM options, class archive and native environment, like the kernel's evaluator.
 */
public final class TrainingJvm {
    private TrainingJvm() {}

    /**
     * A process running {@code mainAndArgs} on the class path; the caller adds its redirections and starts it. Put
     * directories (compiled notebooks) after the jars: the class archive covers only the leading jars.
     */
    static ProcessBuilder process(List<String> classPath, List<String> mainAndArgs) {
        ProcessBuilder pb = new ProcessBuilder(command(classPath, mainAndArgs));
        Gradnote.nativeEnvironment().forEach(pb.environment()::putIfAbsent);
        return pb;
    }

    /** The command line of {@link #process}: {@code gradnote grid} starts its runs with exactly this command. */
    public static List<String> command(List<String> classPath, List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true"));
        command.addAll(Gradnote.jvmOptions());
        command.addAll(TrainingArchive.options(classPath));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.addAll(mainAndArgs);
        return command;
    }
}
