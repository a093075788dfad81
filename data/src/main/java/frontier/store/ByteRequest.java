package frontier.store;

import java.util.Arrays;

/**
 * Which bytes of a value to read: {@code length} bytes from {@code offset} ({@link #range}),
 * everything from {@code offset} on ({@link #from}), or the last {@code length} bytes
 * ({@link #suffix}: a Zarr v3 shard index at the end of its shard). As zarr-python 3's
 * {@code ByteRequest}, object_store's {@code GetRange} and HTTP's Range header: a request is
 * resolved against the value's size only by the store, so a suffix costs one request over HTTP.
 * Reads past the end return what there is (fewer bytes, or none).
 */
public final class ByteRequest {
    private final long offset;  // suffix: unused
    private final long length;  // -1: to the end
    private final boolean suffix;

    private ByteRequest(long offset, long length, boolean suffix) {
        if (offset < 0) throw new IllegalArgumentException("negative offset " + offset);
        if (length < -1) throw new IllegalArgumentException("negative length " + length);
        this.offset = offset;
        this.length = length;
        this.suffix = suffix;
    }

    /** length bytes from offset. */
    public static ByteRequest range(long offset, long length) {
        if (length < 0) throw new IllegalArgumentException("negative length " + length);
        return new ByteRequest(offset, length, false);
    }

    /** Everything from offset to the end. */
    public static ByteRequest from(long offset) {
        return new ByteRequest(offset, -1, false);
    }

    /** The last length bytes (all of the value when it is shorter). */
    public static ByteRequest suffix(long length) {
        if (length < 0) throw new IllegalArgumentException("negative length " + length);
        return new ByteRequest(0, length, true);
    }

    public boolean isSuffix() {
        return suffix;
    }

    /** The first byte asked for (0 for a suffix, which is resolved against the size). */
    public long offset() {
        return offset;
    }

    /** Bytes asked for, or -1 for "to the end". */
    public long length() {
        return length;
    }

    /** The HTTP Range header asking for these bytes: "bytes=A-B", "bytes=A-" or "bytes=-N". */
    public String header() {
        if (suffix) return "bytes=-" + length;
        if (length < 0) return "bytes=" + offset + "-";
        return "bytes=" + offset + "-" + (offset + length - 1);
    }

    /** True when the request can only be answered with no bytes (a zero-length range). */
    public boolean isEmpty() {
        return length == 0;
    }

    /** The first byte of a value of size bytes that this request reads. */
    public long start(long size) {
        if (suffix) return Math.max(0, size - length);
        return Math.min(offset, size);
    }

    /** One past the last byte of a value of size bytes that this request reads. */
    public long end(long size) {
        if (suffix || length < 0) return size;
        return Math.min(size, offset + length);
    }

    /** These bytes of a whole value (a server that ignored the Range header, or a store that read it all). */
    public byte[] slice(byte[] whole) {
        int from = (int) start(whole.length);
        int to = (int) Math.max(from, end(whole.length));
        return from == 0 && to == whole.length ? whole : Arrays.copyOfRange(whole, from, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteRequest r && r.offset == offset && r.length == length && r.suffix == suffix;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Long.hashCode(length) * 2 + (suffix ? 1 : 0);
    }

    @Override
    public String toString() {
        if (suffix) return "last " + length + " bytes";
        if (length < 0) return "bytes " + offset + "-";
        return "bytes " + offset + "-" + (offset + length - 1);
    }
}
