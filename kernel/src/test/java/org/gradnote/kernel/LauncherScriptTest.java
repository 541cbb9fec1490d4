package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gradnote.Gradnote;
import org.junit.jupiter.api.Test;

/** The root launcher script starts its training JVM (the demo) with the same options and environment as the Java launch points. */
class LauncherScriptTest {
    @Test
    void demoUsesGradnoteJvmOptions() throws Exception {
        String script =
                Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("gradnote"));
        String expected = "TRAINING_JVM_OPTS=(" + String.join(" ", Gradnote.jvmOptions()) + ")";
        assertTrue(script.contains(expected), "gradnote script must declare " + expected);
        assertTrue(
                script.contains("\"${TRAINING_JVM_OPTS[@]}\" -cp \"$(lib_classpath)\" org.gradnote.examples.MlpLab"));
        Gradnote.nativeEnvironment()
                .forEach((k, v) -> assertTrue(
                        script.contains("export " + k + "=\"${" + k + ":-" + v + "}\""),
                        "gradnote script must default " + k + " to " + v));
    }

    @Test
    void benchAbScriptUsesGradnoteJvmOptions() throws Exception {
        String script =
                Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("tests/bench/ab"));
        assertTrue(script.contains("TRAINING_JVM_OPTS=(" + String.join(" ", Gradnote.jvmOptions()) + ")"));
        Gradnote.nativeEnvironment().forEach((k, v) -> assertTrue(script.contains(k + "=\"${" + k + ":-" + v + "}\"")));
    }
}
