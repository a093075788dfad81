package frontier.kernel.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executes notebooks/distributed-data-frontier.ipynb end to end on the installed kernel, once with the sample
 * as NGFF 0.1 and once as NGFF 0.5 (Zarr v3, sharded), in one check_tutorial.py process (offline: the
 * bundled sample served from 127.0.0.1, the embedded IPFS node) and checks its key outputs against
 * the frontier CLI, the files on disk, and zarr-python/numpy (src/test/python/check_tutorial.py).
 */
class TutorialNotebookIT {
    @Test
    void tutorialRunsEndToEndWithItsKeyOutputsChecked() throws Exception {
        Peers.requirePython("nbclient", "python3-nbclient");
        Peers.requirePython("zarr", "python3-zarr");
        Path notebook = Peers.moduleDir().resolve("../notebooks/distributed-data-frontier.ipynb").normalize();
        Path cli = Peers.moduleDir().resolve("../magics/target/frontier-cli.jar").normalize();
        assertTrue(Files.isRegularFile(cli), "the frontier CLI jar is built before the kernel's integration tests: " + cli);
        Peers.Result r = Peers.python("check_tutorial.py", Peers.target().resolve("it-tutorial.log"), 1500,
                notebook.toString(), Peers.target().resolve("tutorial-run").toString(), cli.toString());
        assertEquals(0, r.exit(), "tutorial checks failed:\n" + r.output());
    }
}
