package frontier.kernel.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** nbclient runs notebooks/kernel-features.ipynb on the installed kernel; every cell's output is checked. */
class KernelFeaturesNotebookIT {
    @Test
    void everyFeatureCellGivesItsExpectedOutput() throws Exception {
        Peers.requirePython("nbclient", "python3-nbclient");
        String notebook = Peers.moduleDir().resolve("../notebooks/kernel-features.ipynb").normalize().toString();
        String out = Peers.target().resolve("kernel-features.executed.ipynb").toString();
        Peers.Result r = Peers.python("run_kernel_features.py", Peers.target().resolve("it-notebook.log"), 600, notebook, out);
        assertEquals(0, r.exit(), "notebook checks failed:\n" + r.output());
    }
}
