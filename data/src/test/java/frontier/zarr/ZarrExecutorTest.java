package frontier.zarr;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** forEach over items generated on the fly: a bounded window in flight, every item run once, nothing started after a failure. */
class ZarrExecutorTest {

    /** 0, 1, 2, ... up to n (exclusive), counting how many were taken. */
    private static Iterable<Long> counting(long n, AtomicLong taken) {
        return () -> new Iterator<>() {
            long next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public Long next() {
                taken.incrementAndGet();
                return next++;
            }
        };
    }

    @Test
    void runsEveryItemOnce() throws IOException {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicLong taken = new AtomicLong();
        ZarrExecutor.forEach(counting(10_000, taken), i -> assertTrue(seen.add(i), "twice: " + i));
        assertEquals(10_000, seen.size());
        assertEquals(10_000, taken.get());
    }

    /** A failure among 2^62 items ends the loop: the rest of the iterable is never drawn. */
    @Test
    void stopsDrawingItemsAtTheFirstFailure() {
        AtomicLong taken = new AtomicLong();
        IOException e = assertThrows(IOException.class, () -> ZarrExecutor.forEach(counting(1L << 62, taken), i -> {
            if (i == 1000) throw new IOException("chunk 1000 is corrupt");
        }));
        assertEquals("chunk 1000 is corrupt", e.getMessage());
        assertTrue(taken.get() < 1000 + 10_000, "items drawn: " + taken.get());
    }
}
