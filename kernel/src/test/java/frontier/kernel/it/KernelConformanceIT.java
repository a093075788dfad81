package frontier.kernel.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jupyter's own conformance suite (jupyter_kernel_test) against the installed kernel: all pass, none skipped. */
class KernelConformanceIT {
    @Test
    void jupyterKernelTestPassesWithNothingSkipped() throws Exception {
        Peers.requirePython("jupyter_kernel_test", "python3-jupyter-kernel-test");
        Peers.Result r = Peers.python("test_conformance.py", Peers.target().resolve("it-conformance.log"), 600);
        assertEquals(0, r.exit(), "jupyter_kernel_test failed:\n" + r.output());
        assertTrue(r.output().contains("\nOK"), r.output());
        assertFalse(r.output().contains("skipped"), "a conformance test was skipped:\n" + r.output());
    }
}
