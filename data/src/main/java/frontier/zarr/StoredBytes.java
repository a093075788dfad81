package frontier.zarr;

import java.util.Arrays;

/** A chunk's stored bytes, bytes[0..length): bytes may be a longer, reused read buffer. */
record StoredBytes(byte[] bytes, int length) {
    static StoredBytes of(byte[] b) {
        return b == null ? null : new StoredBytes(b, b.length);
    }

    /** The bytes as an array of their own (a copy only when they sit in a longer buffer). */
    byte[] exact() {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
}
