package frontier.kernel.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real notebook in a real browser: the classic Notebook server (Debian jupyter-notebook) on
 * 127.0.0.1 with a token, headless Chromium (Debian chromium) driven by npm playwright-core,
 * a notebook on the Java kernel whose printed text and HTML display are read off the page.
 * The screenshot is kept as target/notebook-browser.png.
 */
class NotebookBrowserIT {
    @Test
    void printedTextAndHtmlDisplayShowInTheNotebookPage() throws Exception {
        Path repo = Peers.moduleDir().resolve("..").normalize();
        Path playwright = repo.resolve("peers/node_modules/playwright-core");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "SKIPPED: /usr/bin/chromium missing (Debian chromium)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/jupyter-notebook")), "SKIPPED: jupyter-notebook missing (Debian jupyter-notebook)");
        if (!Files.isDirectory(playwright)) {
            System.err.println("SKIPPED: " + playwright + " missing: run `npm ci` in peers/ (setup.sh --deps-only does)");
        }
        Assumptions.assumeTrue(Files.isDirectory(playwright), "SKIPPED: npm playwright-core not installed in peers/ (npm ci)");

        Path work = Files.createTempDirectory("frontier-browser-");
        Path notebooks = Files.createDirectories(work.resolve("notebooks"));
        Files.writeString(notebooks.resolve("browser.ipynb"), notebookJson());
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> env = new HashMap<>(Peers.jupyterEnv());
        env.put("JUPYTER_CONFIG_DIR", Files.createDirectories(work.resolve("config")).toString());
        env.put("JUPYTER_RUNTIME_DIR", Files.createDirectories(work.resolve("runtime")).toString());
        env.put("JUPYTER_DATA_DIR", Files.createDirectories(work.resolve("data")).toString());
        env.put("HOME", work.toString());
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/jupyter-notebook", "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + token,
                "--notebook-dir=" + notebooks, "--MappingKernelManager.default_kernel_name=" + Peers.KERNEL_NAME));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.add("--allow-root"); // CI containers run as root
        }
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(Peers.target().resolve("it-notebook-server.log").toFile());
        pb.environment().putAll(env);
        Process server = pb.start();
        try {
            waitForServer(port, token);
            Path shot = Peers.target().resolve("notebook-browser.png");
            String url = "http://127.0.0.1:" + port + "/notebooks/browser.ipynb?token=" + token;
            Peers.Result r = Peers.run(List.of("node", Peers.moduleDir().resolve("src/test/js/notebook-browser.cjs").toString(),
                    url, shot.toString()), env, Peers.target().resolve("it-browser.log"), 300);
            assertEquals(0, r.exit(), "browser run failed:\n" + r.output());
            String json = r.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("");
            assertTrue(json.contains("\"printed\":\"printed from Java 42\""), r.output());
            assertTrue(json.contains("\"html\":\"rich HTML from Java\""), r.output());
            assertTrue(json.contains("\"htmlTag\":\"b\""), r.output());
            assertTrue(Files.size(shot) > 1000, "no screenshot");
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static void waitForServer(int port, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/kernelspecs?token=" + token).toURL().openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    String body = new String(c.getInputStream().readAllBytes());
                    assertTrue(body.contains(Peers.KERNEL_NAME), "the notebook server does not list the Java kernel: " + body);
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("the notebook server did not start; see target/it-notebook-server.log");
    }

    private static String notebookJson() {
        return """
                {"nbformat": 4, "nbformat_minor": 5,
                 "metadata": {"kernelspec": {"name": "%s", "display_name": "Java (Frontier)", "language": "java"},
                              "language_info": {"name": "java"}},
                 "cells": [
                  {"cell_type": "code", "id": "print", "metadata": {}, "execution_count": null, "outputs": [],
                   "source": "System.out.println(\\"printed from Java \\" + (6 * 7));"},
                  {"cell_type": "code", "id": "html", "metadata": {}, "execution_count": null, "outputs": [],
                   "source": "display(html(\\"<b id='frontier-html'>rich HTML from Java</b>\\"));"}
                 ]}
                """.formatted(Peers.KERNEL_NAME);
    }
}
