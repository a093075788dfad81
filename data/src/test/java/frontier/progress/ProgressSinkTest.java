package frontier.progress;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertSame;

class ProgressSinkTest {
    @Test
    void aScopeRestoresTheSinkBeforeItAndThreadsStartedInsideReportToIt() throws Exception {
        ProgressSink cell = (label, total, unit) -> Progress.NONE, inner = (label, total, unit) -> Progress.NONE;
        assertSame(ProgressSink.NONE, ProgressSink.current());
        try (ProgressSink.Scope outer = ProgressSink.use(cell)) {
            assertSame(cell, ProgressSink.current());
            try (ProgressSink.Scope quiet = ProgressSink.use(inner)) {
                assertSame(inner, ProgressSink.current());
            }
            assertSame(cell, ProgressSink.current(), "the enclosing cell's sink is back");
            AtomicReference<ProgressSink> seen = new AtomicReference<>();
            Thread worker = new Thread(() -> seen.set(ProgressSink.current()));
            worker.start();
            worker.join();
            assertSame(cell, seen.get(), "a worker the cell starts reports to the cell");
            try (ProgressSink.Scope none = ProgressSink.use(null)) {
                assertSame(ProgressSink.NONE, ProgressSink.current());
            }
        }
        assertSame(ProgressSink.NONE, ProgressSink.current());
    }
}
