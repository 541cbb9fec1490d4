package org.gradnote.kernel.jshell;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** How to start the evaluator JVM: its class path, JVM options and the imports of a fresh session. */
public record EvaluatorConfig(List<String> classPath, List<String> remoteVmOptions, List<String> imports) {

    /**
     * The kernel's own class path, gradnote's default imports, and its JVM options (with the class archive when
     * {@code gradnote build} made one for these jars) then {@code extraVmOptions} for the evaluator JVM.
     */
    public static EvaluatorConfig fromKernel(List<String> extraVmOptions) {
        List<String> cp = ClassPaths.ofKernel();
        List<String> vm =
                new ArrayList<>(List.of("-cp", String.join(File.pathSeparator, cp), "-Djava.awt.headless=true"));
        vm.addAll(org.gradnote.Gradnote.jvmOptions());
        vm.addAll(org.gradnote.TrainingArchive.options(cp));
        vm.addAll(extraVmOptions);
        return new EvaluatorConfig(cp, vm, DefaultImports.statements(cp));
    }
}
