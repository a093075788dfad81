package frontier.zarr.v3;

import frontier.zarr.codec.BloscCodec;
import frontier.zarr.codec.CodecException;
import frontier.zarr.codec.GzipCodec;
import frontier.zarr.codec.ZstdCodec;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Zarr v3 {@code codecs} list bound to the chunks it encodes: array to array codecs, one array to
 * bytes codec, bytes to bytes codecs. {@link #decode} is the whole per-chunk decode, a plain
 * function from the stored bytes of one chunk (or shard) to its elements.
 * <p>
 * Known codecs: transpose, bytes (also under its old name "endian"), sharding_indexed, blosc, gzip,
 * zstd, crc32c. An unknown codec is an error naming it, unless it is marked
 * {@code "must_understand": false}, in which case it is left out of the chain (and kept in the JSON).
 */
public final class CodecPipeline {
    public static final List<String> KNOWN = List.of("transpose", "bytes", "sharding_indexed", "blosc", "gzip", "zstd", "crc32c");

    private final ChunkSpec spec;
    private final List<ArrayToArrayCodec> arrayCodecs;
    private final ArrayToBytesCodec serializer;
    private final List<BytesToBytes> byteCodecs;
    private final List<Map<String, Object>> json;
    /** The most bytes decoding byte codec i may produce: exact while only fixed-size codecs lie between it and the bytes codec. */
    private final int[] decodeBounds;

    private CodecPipeline(ChunkSpec spec, List<ArrayToArrayCodec> arrayCodecs, ArrayToBytesCodec serializer,
                          List<BytesToBytes> byteCodecs, List<Map<String, Object>> json) {
        this.spec = spec;
        this.arrayCodecs = List.copyOf(arrayCodecs);
        this.serializer = serializer;
        this.byteCodecs = List.copyOf(byteCodecs);
        this.json = Collections.unmodifiableList(json);
        this.decodeBounds = new int[byteCodecs.size()];
        long bound = serializer.encodedSize(spec.byteLength());
        for (int i = 0; i < decodeBounds.length; i++) {
            decodeBounds[i] = bound < 0 || bound > MAX_DECODED ? MAX_DECODED : (int) bound;
            int overhead = byteCodecs.get(i).overhead();
            bound = bound < 0 || overhead < 0 ? -1 : bound + overhead;
        }
    }

    /** The largest decode: one Java byte array. */
    private static final int MAX_DECODED = Integer.MAX_VALUE - 16;

    /** Builds the chain a zarr.json {@code codecs} value describes, for chunks of spec. */
    public static CodecPipeline fromJson(Object codecs, ChunkSpec spec) throws CodecException {
        if (!(codecs instanceof List<?> list) || list.isEmpty()) {
            throw new CodecException("'codecs' must be a non-empty list, got " + codecs);
        }
        List<ArrayToArrayCodec> a2a = new ArrayList<>();
        ArrayToBytesCodec a2b = null;
        List<BytesToBytes> b2b = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        ChunkSpec current = spec;
        for (Object entry : list) {
            Extension e;
            try {
                e = Extension.parse(entry, "codec");
            } catch (IllegalArgumentException bad) {
                throw new CodecException(bad.getMessage());
            }
            json.add(e.toJson());
            String name = e.name();
            switch (name) {
                case "transpose" -> {
                    if (a2b != null) throw new CodecException("codec 'transpose' (array to array) comes after the array to bytes codec '" + a2b.name() + "'");
                    TransposeCodec t = TransposeCodec.fromConfig(e.configuration(), current);
                    a2a.add(t);
                    current = t.encodedSpec();
                }
                case "bytes", "endian", "sharding_indexed" -> {
                    if (a2b != null) throw new CodecException("a second array to bytes codec '" + name + "' after '" + a2b.name() + "'");
                    a2b = name.equals("sharding_indexed") ? ShardingCodec.fromConfig(e.configuration(), current)
                            : BytesCodec.fromConfig(e.configuration(), current);
                }
                case "blosc", "gzip", "zstd", "crc32c" -> {
                    if (a2b == null) throw new CodecException("codec '" + name + "' (bytes to bytes) comes before an array to bytes codec (bytes or sharding_indexed)");
                    b2b.add(bytesCodec(name, e.configuration(), current));
                }
                default -> {
                    if (e.mustUnderstand()) {
                        throw new CodecException("unsupported codec '" + name + "' (supported: " + String.join(", ", KNOWN) + ")");
                    }
                    // must_understand: false: the writer says readers may ignore it
                }
            }
        }
        if (a2b == null) throw new CodecException("'codecs' has no array to bytes codec (bytes or sharding_indexed): " + codecs);
        return new CodecPipeline(spec, a2a, a2b, b2b, json);
    }

    /** A chain built in code: optional transpose order (null for none), a serializer, byte codecs. */
    static CodecPipeline of(ChunkSpec spec, List<Map<String, Object>> codecs) {
        try {
            return fromJson(codecs, spec);
        } catch (CodecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static BytesToBytes bytesCodec(String name, Map<String, Object> config, ChunkSpec spec) throws CodecException {
        int item = spec.dtype().itemSize();
        return switch (name) {
            case "blosc" -> {
                String cname = string(config, "cname", name);
                int clevel = integer(config, "clevel", name, 5);
                Object sh = config.get("shuffle");
                int shuffle;
                if ("noshuffle".equals(sh)) shuffle = BloscCodec.NOSHUFFLE;
                else if ("shuffle".equals(sh)) shuffle = BloscCodec.SHUFFLE;
                else if ("bitshuffle".equals(sh)) shuffle = BloscCodec.BITSHUFFLE;
                else throw new CodecException("codec 'blosc': shuffle must be \"noshuffle\", \"shuffle\" or \"bitshuffle\", got " + sh);
                int typesize = config.get("typesize") == null ? item : integer(config, "typesize", name, item);
                if (typesize < 1 || typesize > 255) throw new CodecException("codec 'blosc': typesize must be 1..255, got " + typesize);
                int blocksize = integer(config, "blocksize", name, 0);
                yield new BytesToBytes(name, new BloscCodec(cname, clevel, shuffle, blocksize), typesize, -1, config);
            }
            case "gzip" -> {
                int level = integer(config, "level", name, 1);
                if (level < 0 || level > 9) throw new CodecException("codec 'gzip': level must be 0..9, got " + level);
                yield new BytesToBytes(name, new GzipCodec(level), item, -1, config);
            }
            case "zstd" -> {
                int level = integer(config, "level", name, 0);
                Object checksum = config.get("checksum");
                if (checksum != null && !(checksum instanceof Boolean)) throw new CodecException("codec 'zstd': checksum must be true or false, got " + checksum);
                yield new BytesToBytes(name, new ZstdCodec(level), item, -1, config);
            }
            case "crc32c" -> new BytesToBytes(name, new Crc32cCodec(), item, 4, config);
            default -> throw new AssertionError(name);
        };
    }

    private static String string(Map<String, Object> config, String key, String codec) throws CodecException {
        Object v = config.get(key);
        if (!(v instanceof String s)) throw new CodecException("codec '" + codec + "': '" + key + "' must be a string, got " + v);
        return s;
    }

    private static int integer(Map<String, Object> config, String key, String codec, int dflt) throws CodecException {
        Object v = config.get(key);
        if (v == null) return dflt;
        if (v instanceof Integer i) return i;
        throw new CodecException("codec '" + codec + "': '" + key + "' must be an integer, got " + v);
    }

    // ---- properties ----

    public ChunkSpec spec() {
        return spec;
    }

    /** The sharding codec when this chain shards (its one array to bytes codec), else null. */
    public ShardingCodec sharding() {
        return serializer instanceof ShardingCodec s ? s : null;
    }

    public ArrayToBytesCodec serializer() {
        return serializer;
    }

    public List<ArrayToArrayCodec> arrayCodecs() {
        return arrayCodecs;
    }

    public List<BytesToBytes> byteCodecs() {
        return byteCodecs;
    }

    /** The byte order elements come out of {@link #decode} in: the bytes codec's endian (the innermost one when sharded). */
    public ByteOrder byteOrder() {
        if (serializer instanceof ShardingCodec s) return s.inner().byteOrder();
        return ((BytesCodec) serializer).endian();
    }

    /** The encoded size for a decoded size when every codec keeps a fixed size (what a shard index needs), else -1. */
    public long encodedSize(long decoded) {
        long n = serializer.encodedSize(decoded);
        for (BytesToBytes b : byteCodecs) {
            if (n < 0 || b.overhead() < 0) return -1;
            n += b.overhead();
        }
        return n;
    }

    /** The codecs as zarr.json lists them. */
    public List<Map<String, Object>> toJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> m : json) out.add(new LinkedHashMap<>(m));
        return out;
    }

    // ---- decoding and encoding ----

    /** Decodes one stored chunk (or shard), stored[offset..offset+length), into its elements. */
    public RawChunk decode(byte[] stored, int offset, int length) throws IOException {
        byte[] b = stored;
        int off = offset, len = length;
        for (int i = byteCodecs.size() - 1; i >= 0; i--) {
            byte[] in = off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len);
            b = byteCodecs.get(i).decode(in, decodeBounds[i]);
            off = 0;
            len = b.length;
        }
        RawChunk c = serializer.decode(b, off, len);
        for (int i = arrayCodecs.size() - 1; i >= 0; i--) c = arrayCodecs.get(i).decode(c);
        return c;
    }

    public RawChunk decode(byte[] stored) throws IOException {
        return decode(stored, 0, stored.length);
    }

    /** Per-thread buffer for {@link #decodeForCopy}. */
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1][]);
    private static final int MAX_SCRATCH = 64 << 20;

    /**
     * Like {@link #decode}, for a caller that copies the elements out at once: the common chain
     * bytes + blosc decodes straight into a per-thread buffer with elements swapped to the machine's
     * byte order on the way, allocating nothing. The result is valid until this thread's next call.
     */
    public RawChunk decodeForCopy(byte[] stored, int offset, int length) throws IOException {
        if (arrayCodecs.isEmpty() && serializer instanceof BytesCodec bytes && byteCodecs.size() == 1
                && byteCodecs.get(0).codec() instanceof BloscCodec blosc && spec.byteLength() <= MAX_SCRATCH) {
            int expected = (int) spec.byteLength();
            byte[] in = offset == 0 ? stored : java.util.Arrays.copyOfRange(stored, offset, offset + length);
            byte[][] holder = SCRATCH.get();
            if (holder[0] == null || holder[0].length < expected) holder[0] = new byte[expected];
            int scalar = RawChunk.scalarSize(spec.dtype());
            boolean swap = scalar > 1 && bytes.endian() != ByteOrder.nativeOrder();
            int n = blosc.decodeInto(in, offset == 0 ? length : in.length, holder[0], 0, swap ? scalar : 0);
            if (n != expected) {
                throw new CodecException("codec 'blosc': decoded " + n + " bytes, expected " + expected + " (chunk shape "
                        + java.util.Arrays.toString(spec.shape()) + " of " + spec.dtype() + ")");
            }
            return new RawChunk(holder[0], spec.shape(), spec.dtype(), swap ? ByteOrder.nativeOrder() : bytes.endian());
        }
        return decode(stored, offset, length);
    }

    /**
     * Decodes a chunk of 2-byte elements straight into out from index offset (a chunk's run in a
     * region, or a chunk-sized array), in the machine's byte order, when this chain is bytes + blosc
     * with byte shuffle of 2-byte elements; false (out untouched or partly written) for any other
     * chain or frame layout.
     */
    public boolean decodeShorts(byte[] stored, int length, short[] out, int offset) throws IOException {
        if (!arrayCodecs.isEmpty() || !(serializer instanceof BytesCodec bytes) || byteCodecs.size() != 1
                || !(byteCodecs.get(0).codec() instanceof BloscCodec) || RawChunk.scalarSize(spec.dtype()) != 2
                || offset < 0 || spec.elements() > out.length - offset) return false;
        return BloscCodec.decodeShorts(stored, length, out, offset, spec.elements(), bytes.endian() == ByteOrder.BIG_ENDIAN);
    }

    /** Encodes one chunk (or shard) of this chain's spec. */
    public byte[] encode(RawChunk chunk) throws IOException {
        RawChunk c = chunk;
        for (ArrayToArrayCodec a : arrayCodecs) c = a.encode(c);
        byte[] b = serializer.encode(c);
        for (BytesToBytes x : byteCodecs) b = x.encode(b);
        return b;
    }
}
