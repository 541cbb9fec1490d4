package org.gradnote.e2e;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel under Jupyter's own client libraries: installs the kernel spec into a temporary prefix with the
 * launcher, then runs {@code tests/e2e/kernel_e2e.py} (jupyter_client + nbclient) with Debian's python3. Prints the
 * measured start-up times; the shipped notebooks must run cleanly too. Skipped, with the reason, when python3 lacks the Jupyter packages.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class JupyterEndToEndTest {
    static final String PYTHON = "/usr/bin/python3";
    static final String PACKAGES = "python3-jupyter-client python3-nbclient python3-nbformat";

    @Test
    void notebookAndProtocolThroughRealJupyterClient(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of(PYTHON))
                        && run(List.of(PYTHON, "-c", "import jupyter_client, nbclient, nbformat"), Map.of(), 60)
                                        .exit()
                                == 0,
                "end-to-end test skipped: " + PYTHON + " lacks jupyter_client/nbclient/nbformat (apt-get install "
                        + PACKAGES + "; ./gradnote test installs them)");
        Path root = Path.of("").toAbsolutePath().getParent();
        Path launcher = root.resolve("gradnote");
        assertTrue(Files.isExecutable(launcher), "no launcher at " + launcher);
        assertTrue(
                Files.exists(root.resolve("kernel/target/gradnote-kernel-0.1.0-SNAPSHOT.jar")),
                "the kernel is not built: run ./gradnote build (or mvn package) first");

        Path prefix = tmp.resolve("prefix");
        Result install = run(
                List.of(launcher.toString(), "install", "--prefix", prefix.toString(), "--name", "gradnote-e2e"),
                Map.of(),
                300);
        assertEquals(0, install.exit(), install.output());

        Map<String, String> env = Map.of(
                "JUPYTER_PATH", prefix.resolve("share/jupyter").toString(),
                "JUPYTER_RUNTIME_DIR", tmp.resolve("runtime").toString(),
                "JUPYTER_DATA_DIR", tmp.resolve("data").toString(),
                "JUPYTER_CONFIG_DIR", tmp.resolve("config").toString());
        Result e2e = run(
                List.of(
                        PYTHON,
                        root.resolve("tests/e2e/kernel_e2e.py").toString(),
                        "gradnote-e2e",
                        tmp.resolve("executed.ipynb").toString(),
                        root.resolve("notebooks/00-meteo-quicklook.ipynb").toString()),
                env,
                300);
        e2e.output()
                .lines()
                .filter(l -> l.startsWith("TIMING") || l.startsWith("UNAVAILABLE"))
                .forEach(System.out::println);
        assertEquals(0, e2e.exit(), e2e.output());
        assertTrue(e2e.output().contains("ALL OK"), e2e.output());
    }

    record Result(int exit, String output) {}

    static Result run(List<String> command, Map<String, String> env, long timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(l -> out.append(l).append('\n'));
            } catch (Exception ignored) {
                // process gone
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            reader.join(5000);
            return new Result(-1, "timed out after " + timeoutSeconds + " s:\n" + out);
        }
        reader.join(5000);
        return new Result(p.exitValue(), out.toString());
    }
}
