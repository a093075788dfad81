package frontier.spark.ipfs;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Who an executor got its blocks from: verified blocks and refused blocks (those that did not hash
 * to their CID) per source, a source being named as the status names it ("executor 1", "the
 * kernel", "gateway http://...").
 */
final class FetchLedger {
    private final Map<String, LongAdder> fetched = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    void fetched(String from) {
        fetched.computeIfAbsent(from, k -> new LongAdder()).increment();
    }

    void refused(String from) {
        refused.computeIfAbsent(from, k -> new LongAdder()).increment();
    }

    Map<String, Long> fetchedFrom() {
        return snapshot(fetched);
    }

    Map<String, Long> refusedFrom() {
        return snapshot(refused);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
