package frontier.zarr.codec;

import io.airlift.compress.zstd.ZstdOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decompression bombs: every codec decodes under a bound and stops as soon as it is passed, so that a
 * small chunk claiming (or inflating to) far more than the chunk's size costs about the bound, not the
 * bomb. Memory is measured as the bytes the decoding thread allocated (HotSpot's per-thread counter),
 * not as time.
 */
class DecodeBoundTest {
    private static final int BOMB = 32 << 20;     // what each bomb inflates to
    private static final int LIMIT = 1000;        // what the chunk should decode to
    private static final long ALLOWED = 16 << 20; // decoder state and buffers; far below the bomb

    private static Map<String, Codec> compressors() throws IOException {
        Map<String, Codec> m = new LinkedHashMap<>();
        m.put("zlib", new ZlibCodec(9));
        m.put("gzip", new GzipCodec(9));
        m.put("bz2", new Bz2Codec(1));
        m.put("lzma-xz", new LzmaCodec(LzmaCodec.FORMAT_XZ, -1, 1, null));
        m.put("lzma-alone", new LzmaCodec(LzmaCodec.FORMAT_ALONE, -1, 1, null));
        m.put("zstd", new ZstdCodec(1));
        m.put("lz4", new Lz4Codec(1));
        for (String cname : List.of("blosclz", "lz4", "lz4hc", "snappy", "zlib", "zstd")) {
            m.put("blosc-" + cname, new BloscCodec(cname, 5, BloscCodec.SHUFFLE, 0));
        }
        return m;
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Decodes under LIMIT, expecting the bound error, and returns what the decode allocated. */
    private static long decodeBomb(String name, Codec codec, byte[] bomb) {
        long before = allocated();
        CodecException e = assertThrows(CodecException.class, () -> codec.decode(bomb, LIMIT), name);
        long used = allocated() - before;
        assertTrue(e.getMessage().contains("more than the expected " + LIMIT), name + ": " + e.getMessage());
        return used;
    }

    /**
     * zeros encoded. bz2 and xz, slow to encode in Java, decode concatenated streams (as Python's
     * modules do): their bomb is one stream of an eighth, eight times.
     */
    private static byte[] bomb(String name, Codec codec, byte[] zeros) throws IOException {
        if (!name.equals("bz2") && !name.equals("lzma-xz")) return codec.encode(zeros, 2);
        byte[] part = codec.encode(java.util.Arrays.copyOf(zeros, zeros.length / 8), 2);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < 8; i++) all.write(part);
        assertArrayEquals(zeros, codec.decode(all.toByteArray()), name); // the bomb is what it claims
        return all.toByteArray();
    }

    @Test
    void everyCompressorStopsAtTheBound() throws IOException {
        byte[] zeros = new byte[BOMB];
        for (Map.Entry<String, Codec> c : compressors().entrySet()) {
            byte[] bomb = bomb(c.getKey(), c.getValue(), zeros);
            assertTrue(bomb.length < BOMB / 16, c.getKey() + " bomb of " + bomb.length + " bytes");
            long used = decodeBomb(c.getKey(), c.getValue(), bomb);
            assertTrue(used < ALLOWED, c.getKey() + ": decoding a " + bomb.length + "-byte bomb under a " + LIMIT
                    + "-byte bound allocated " + used + " bytes");
        }
    }

    /** A zstd frame without a content size (a streaming writer's) is bounded as it is read. */
    @Test
    void zstdStreamWithoutContentSize() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZstdOutputStream out = new ZstdOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < BOMB / zeros.length; i++) out.write(zeros);
        }
        long used = decodeBomb("zstd stream", new ZstdCodec(1), bytes.toByteArray());
        assertTrue(used < ALLOWED, "zstd stream: allocated " + used);
    }

    /** An .lzma header may claim a 4 GiB dictionary; decoding a small chunk must not allocate it. */
    @Test
    void lzmaAloneDictionaryIsCutToTheBound() throws IOException {
        byte[] enc = new LzmaCodec(LzmaCodec.FORMAT_ALONE, -1, 1, null).encode(new byte[LIMIT], 1);
        LittleEndian.putInt(enc, 1, -1); // dictionary size 0xFFFFFFFF
        long before = allocated();
        byte[] dec = new LzmaCodec(LzmaCodec.FORMAT_ALONE, -1, 1, null).decode(enc, LIMIT);
        long used = allocated() - before;
        assertArrayEquals(new byte[LIMIT], dec);
        assertTrue(used < ALLOWED, "allocated " + used);
    }

    /** Exactly the bound decodes; one byte less is the bound error (no off-by-one at the edge). */
    @Test
    void theBoundIsExact() throws IOException {
        byte[] raw = new byte[100_000];
        Random r = new Random(7);
        for (int i = 0; i < raw.length; i++) raw[i] = (byte) (r.nextInt(16) * (i % 3)); // compressible, not trivial
        for (Map.Entry<String, Codec> c : compressors().entrySet()) {
            byte[] enc = c.getValue().encode(raw, 2);
            assertArrayEquals(raw, c.getValue().decode(enc, raw.length), c.getKey());
            CodecException e = assertThrows(CodecException.class, () -> c.getValue().decode(enc, raw.length - 1), c.getKey());
            assertTrue(e.getMessage().contains("than the expected " + (raw.length - 1)), c.getKey() + ": " + e.getMessage());
        }
    }

    /** Filters that grow data on decoding (astype to a wider type, packbits, delta) check before allocating. */
    @Test
    void filtersCheckTheirOutputSizeBeforeAllocating() throws IOException {
        Map<String, Object> astype = new LinkedHashMap<>(Map.of("id", "astype", "encode_dtype", "|u1", "decode_dtype", "<f8"));
        Map<String, Object> delta = new LinkedHashMap<>(Map.of("id", "delta", "dtype", "<i8", "astype", "|i1"));
        Map<String, Object> fso = new LinkedHashMap<>(Map.of("id", "fixedscaleoffset", "offset", 0, "scale", 1, "dtype", "<f8", "astype", "|u1"));
        byte[] small = new byte[1 << 20];
        for (Map<String, Object> cfg : List.of(astype, delta, fso)) {
            Codec f = Codecs.fromConfig(cfg);
            assertArrayEquals(f.decode(small), f.decode(small, 8 << 20), cfg.toString());
            long before = allocated();
            CodecException e = assertThrows(CodecException.class, () -> f.decode(small, LIMIT), cfg.toString());
            assertTrue(allocated() - before < 1 << 20, cfg + " allocated " + (allocated() - before));
            assertTrue(e.getMessage().contains("more than the expected " + LIMIT), e.getMessage());
            assertTrue(f.maxEncodedSize(8 << 20) == small.length, cfg + ": " + f.maxEncodedSize(8 << 20));
        }
        Codec packbits = Codecs.fromConfig(Map.of("id", "packbits"));
        assertThrows(CodecException.class, () -> packbits.decode(small, LIMIT));
        assertTrue(packbits.maxEncodedSize(8) == 2);
        Codec crc = Codecs.fromConfig(Map.of("id", "crc32"));
        byte[] withSum = crc.encode(new byte[LIMIT + 1], 1);
        assertThrows(CodecException.class, () -> crc.decode(withSum, LIMIT));
        assertTrue(crc.maxEncodedSize(LIMIT) == LIMIT + 4);
    }
}
