package frontier.kernel.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * jupyter_client drives the kernel: state across cells, interrupt, stdin, display updates,
 * streaming while a cell runs, forged signatures rejected, bind address, errors, magics, restart.
 */
class KernelProtocolIT {
    @Test
    void protocolBehaviourSeenByJupyterClient() throws Exception {
        Peers.requirePython("jupyter_client", "python3-jupyter-client");
        Peers.Result r = Peers.python("test_protocol.py", Peers.target().resolve("it-protocol.log"), 900);
        assertEquals(0, r.exit(), "protocol tests failed:\n" + r.output());
    }
}
