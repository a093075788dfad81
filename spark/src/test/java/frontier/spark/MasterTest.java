package frontier.spark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterTest {
    @Test
    void theFormsSparkTakes() {
        Master l = Master.parse("local[3]");
        assertEquals(Master.Kind.LOCAL, l.kind());
        assertEquals(3, l.cores());
        assertEquals(Runtime.getRuntime().availableProcessors(), Master.parse("local[*]").cores());
        assertEquals(1, Master.parse("local").cores());
        Master c = Master.parse(" local-cluster[2, 1, 1024] ");
        assertEquals(Master.Kind.LOCAL_CLUSTER, c.kind());
        assertEquals(List.of(2, 1, 1024), List.of(c.workers(), c.cores(), c.memoryMb()));
        assertEquals(2, c.expectedExecutors());
        Master s = Master.parse("spark://127.0.0.1:7077,localhost:7078");
        assertEquals(List.of("127.0.0.1", "localhost"), s.hosts());
        assertEquals(List.of(7077, 7078), s.ports());
        assertTrue(s.loopback());
        assertTrue(!Master.parse("spark://10.1.2.3:7077").loopback());
        assertEquals(List.of("::1"), Master.parse("spark://[::1]:7077").hosts());
    }

    @Test
    void malformedMastersNameWhatIsWrongAndTheFormsThatWork() {
        for (String bad : List.of("", "local[0]", "local[two]", "local-cluster[2,1]", "local-cluster[0,1,1024]",
                "local-cluster[2,1,100]", "spark://host", "spark://host:99999", "spark://:7077", "yarn", "k8s://https://x", "127.0.0.1:7077")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Master.parse(bad), bad);
            assertTrue(e.getMessage().contains("local[N], local[*], local-cluster[WORKERS,CORES,MB] or spark://HOST:PORT"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Master.parse("yarn")).getMessage().contains("only local and standalone"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Master.parse("local-cluster[2,1,100]")).getMessage().contains("384 MB"));
    }
}
