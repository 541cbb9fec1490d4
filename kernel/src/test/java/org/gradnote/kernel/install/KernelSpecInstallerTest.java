package org.gradnote.kernel.install;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kernel.json is complete (no placeholder but Jupyter's own {connection_file}) and pins reproducible threading. */
class KernelSpecInstallerTest {
    @Test
    void specIsCompleteAndReproducible(@TempDir Path dir) throws Exception {
        var spec = KernelSpecInstaller.spec("Java (gradnote)", List.of("/opt/a.jar", "/opt/b.jar"), List.of("-Xmx8g"));
        Path file = KernelSpecInstaller.install(dir, "gradnote", spec);
        String json = Files.readString(file);
        var argv = spec.getAsJsonArray("argv");
        assertTrue(argv.get(0).getAsString().endsWith("/bin/java"), json);
        assertEquals("{connection_file}", argv.get(argv.size() - 1).getAsString());
        assertTrue(json.contains("-Dgradnote.evaluatorJvmOptions=-Xmx8g"), json);
        assertTrue(json.contains("/opt/a.jar:/opt/b.jar"), json);
        assertEquals("1", spec.getAsJsonObject("env").get("OMP_NUM_THREADS").getAsString());
        assertEquals(
                "PASSIVE", spec.getAsJsonObject("env").get("OMP_WAIT_POLICY").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals(
                1, json.split("\\{connection_file\\}", -1).length - 1, "only Jupyter's placeholder remains: " + json);
        assertFalse(json.matches("(?s).*\\$\\{.*"), json);
    }
}
