package frontier.store;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a store has read so far: requests sent (HTTP requests, retries included; file reads;
 * IPFS reads) and the bytes they returned. Every store keeps one, so that a command can report
 * "N requests" and a test can count them without knowing which store it holds.
 */
public final class StoreStats {
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    /** Requests (reads) sent to the storage so far, retries included. */
    public long requests() {
        return requests.sum();
    }

    /** Bytes those requests returned. */
    public long bytesRead() {
        return bytes.sum();
    }

    /** Counts n requests (a store calls this; retries count too). */
    public void countRequests(long n) {
        requests.add(n);
    }

    /** Counts bytes received. */
    public void countBytes(long n) {
        bytes.add(n);
    }

    /** Counts one request that returned value (null: a missing key, no bytes). */
    public byte[] count(byte[] value) {
        requests.increment();
        if (value != null) bytes.add(value.length);
        return value;
    }

    @Override
    public String toString() {
        return requests() + " requests, " + bytesRead() + " bytes";
    }
}
