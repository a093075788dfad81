package frontier.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HistoryTest {
    private History filled() {
        History h = new History();
        h.add(1, "int x = 1;", null);
        h.add(2, "x + 1", "2");
        h.add(3, "x + 1", "2");
        h.add(4, "System.out.println(x)", null);
        return h;
    }

    @Test
    void tailGivesTheLastEntriesWithSessionAndLine() {
        assertEquals(List.of(List.of(1, 3, "x + 1"), List.of(1, 4, "System.out.println(x)")), filled().tail(2, false));
    }

    @Test
    void tailWithOutputPairsInputAndOutput() {
        assertEquals(List.of(1, 3, List.of("x + 1", "2")), filled().tail(2, true).get(0));
    }

    @Test
    void searchUsesGlobsAndUniqueKeepsOne() {
        History h = filled();
        assertEquals(2, h.search("x + ?", 0, false, false).size());
        assertEquals(1, h.search("x + ?", 0, true, false).size());
        assertEquals(1, h.search("x*", 1, false, false).size());
        assertEquals(0, h.search("nothing*", 0, false, false).size());
    }

    @Test
    void rangeIsStartInclusiveStopExclusive() {
        assertEquals(List.of(List.of(1, 2, "x + 1")), filled().range(2, 3, false));
    }
}
