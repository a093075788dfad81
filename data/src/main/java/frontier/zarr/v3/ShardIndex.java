package frontier.zarr.v3;

import frontier.zarr.codec.CodecException;

import java.util.Arrays;

/**
 * A decoded shard index: for each inner chunk (C order over the chunks per shard) the offset and
 * length of its encoded bytes in the shard, or both 2^64-1 for an empty inner chunk (fill value).
 */
public final class ShardIndex {
    /** 2^64-1 as a Java long. */
    static final long EMPTY = -1L;

    private final int[] chunksPerShard;
    private final long[] entries;

    ShardIndex(int[] chunksPerShard, long[] entries) {
        this.chunksPerShard = chunksPerShard.clone();
        this.entries = entries;
    }

    /** The number of inner chunks. */
    public int count() {
        return entries.length / 2;
    }

    public boolean isEmpty(int i) {
        return entries[2 * i] == EMPTY && entries[2 * i + 1] == EMPTY;
    }

    public long offset(int i) {
        return entries[2 * i];
    }

    public long nbytes(int i) {
        return entries[2 * i + 1];
    }

    /** The position in this index of the inner chunk at pos (its index within the shard). */
    public int linear(int[] pos) {
        int i = 0;
        for (int d = 0; d < pos.length; d++) i = i * chunksPerShard[d] + pos[d];
        return i;
    }

    /** The bytes one inner chunk occupies, checked to lie inside a shard of shardSize bytes (-1: size unknown). */
    void checkEntry(int i, long shardSize, String where) throws CodecException {
        long off = entries[2 * i], n = entries[2 * i + 1];
        if (off == EMPTY && n == EMPTY) return;
        if (off == EMPTY || n == EMPTY) {
            throw new CodecException("shard index" + of(where) + " marks inner chunk " + i + " half empty (offset "
                    + Long.toUnsignedString(off) + ", nbytes " + Long.toUnsignedString(n) + ")");
        }
        if (off < 0 || n < 0 || n > Integer.MAX_VALUE - 16 || (shardSize >= 0 && off + n > shardSize)) {
            throw new CodecException("shard index" + of(where) + " points past the end of the shard: inner chunk " + i
                    + " at offset " + Long.toUnsignedString(off) + ", " + Long.toUnsignedString(n) + " bytes"
                    + (shardSize >= 0 ? ", shard " + shardSize + " bytes" : ""));
        }
    }

    /** " of WHERE" for messages, or nothing when where is null (the caller names the shard). */
    static String of(String where) {
        return where == null ? "" : " of " + where;
    }

    /** Checks every entry lies inside a shard of size bytes. */
    void checkAll(long size, String where) throws CodecException {
        for (int i = 0; i < count(); i++) checkEntry(i, size, where);
    }

    /** The chunks per shard along each axis. */
    public int[] chunksPerShard() {
        return chunksPerShard.clone();
    }

    long[] entries() {
        return entries;
    }

    @Override
    public String toString() {
        return "ShardIndex" + Arrays.toString(chunksPerShard);
    }
}
