package frontier.zarr.codec;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round trips and format details of our own blosc writer (numcodecs checks are in NumcodecsCrossCheckTest). */
class BloscCodecTest {

    private static byte[] pattern(String kind, int n, Random rnd) {
        byte[] b = new byte[n];
        switch (kind) {
            case "zeros" -> { }
            case "random" -> rnd.nextBytes(b);
            case "run-then-random" -> {
                Arrays.fill(b, 0, n / 2, (byte) 7);
                byte[] r = new byte[n - n / 2];
                rnd.nextBytes(r);
                System.arraycopy(r, 0, b, n / 2, r.length);
            }
            case "far-repeat" -> {
                // a random 20000-byte block repeated: matches only at distance 20000 (> 8191, BloscLZ far matches)
                byte[] r = new byte[20000];
                rnd.nextBytes(r);
                for (int i = 0; i < n; i++) {
                    b[i] = r[i % r.length];
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    b[i] = (byte) ((i / 3) % 251 + (i % 17 == 0 ? rnd.nextInt(3) : 0));
                }
            }
        }
        return b;
    }

    @Test
    void roundTripsEveryCnameShuffleAndShape() throws Exception {
        Random rnd = new Random(3);
        for (String cname : new String[]{"blosclz", "lz4", "lz4hc", "snappy", "zlib", "zstd"}) {
            for (int shuffle = -1; shuffle <= 2; shuffle++) {
                for (String kind : new String[]{"zeros", "random", "run-then-random", "far-repeat", "ramp"}) {
                    for (int n : new int[]{0, 3, 200, 65536 + 5, 300000}) {
                        for (int ts : n == 300000 ? new int[]{2} : new int[]{1, 2, 3, 8, 300}) {
                            BloscCodec codec = new BloscCodec(cname, n % 2 == 0 ? 9 : 1, shuffle, 0);
                            byte[] raw = pattern(kind, n, rnd);
                            byte[] enc = codec.encode(raw, ts);
                            String what = cname + " shuffle=" + shuffle + " " + kind + " n=" + n + " ts=" + ts;
                            assertTrue(enc.length <= n + 16, what + ": frame larger than the memcpyed bound");
                            assertEquals(enc.length, LittleEndian.getInt(enc, 12), what + ": cbytes");
                            assertArrayEquals(raw, codec.decode(enc), what);
                            assertEquals(n, codec.decodedSize(enc), what);
                            byte[] into = new byte[n + 10];
                            assertEquals(n, codec.decodeInto(enc, into, 7), what);
                            assertArrayEquals(raw, Arrays.copyOfRange(into, 7, 7 + n), what);
                        }
                    }
                }
            }
        }
    }

    /** raw with each size-byte element reversed (a trailing partial element stays as it is). */
    static byte[] reversed(byte[] raw, int size) {
        byte[] r = raw.clone();
        for (int i = 0; i + size <= r.length; i += size) {
            for (int k = 0; k < size; k++) {
                r[i + k] = raw[i + size - 1 - k];
            }
        }
        return r;
    }

    @Test
    void decodeIntoWithSwapReversesEachElement() throws Exception {
        Random rnd = new Random(11);
        for (String cname : new String[]{"blosclz", "lz4", "zstd"}) {
            for (int shuffle = 0; shuffle <= 2; shuffle++) {
                for (int n : new int[]{0, 6, 200, 65536 + 8, 65536 + 5, 300000}) {
                    for (int ts : new int[]{1, 2, 3, 4, 8}) {
                        // a forced small blocksize gives several blocks and a leftover block
                        BloscCodec codec = new BloscCodec(cname, 5, shuffle, n > 1000 ? 4096 : 0);
                        byte[] raw = pattern("ramp", n, rnd);
                        byte[] enc = codec.encode(raw, ts);
                        for (int size : new int[]{2, 4, 8}) {
                            String what = cname + " shuffle=" + shuffle + " n=" + n + " ts=" + ts + " size=" + size;
                            byte[] into = new byte[n + 9];
                            assertEquals(n, codec.decodeInto(enc, enc.length, into, 9, size), what);
                            assertArrayEquals(reversed(raw, size), Arrays.copyOfRange(into, 9, 9 + n), what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void unshuffleUndoesShuffleForwardAndReversed() {
        Random rnd = new Random(13);
        for (int ts = 1; ts <= 17; ts++) {
            for (int len : new int[]{0, 1, ts * 7, ts * 8, ts * 64 + 3, ts * 1000 + ts - 1}) {
                byte[] raw = new byte[len];
                rnd.nextBytes(raw);
                byte[] shuffled = new byte[len + 3];
                Shuffle.shuffle(ts, raw, 0, shuffled, 3, len);
                byte[] back = new byte[len + 5];
                Shuffle.unshuffle(ts, shuffled, 3, back, 5, len, false);
                assertArrayEquals(raw, Arrays.copyOfRange(back, 5, 5 + len), "ts=" + ts + " len=" + len);
                Shuffle.unshuffle(ts, shuffled, 3, back, 5, len, true);
                byte[] expected = reversed(Arrays.copyOf(raw, len - len % ts), ts);
                byte[] all = Arrays.copyOf(expected, len);
                System.arraycopy(raw, expected.length, all, expected.length, len - expected.length);
                assertArrayEquals(all, Arrays.copyOfRange(back, 5, 5 + len), "reversed ts=" + ts + " len=" + len);
            }
        }
    }

    @Test
    void compressibleDataIsCompressedAndRandomDataIsMemcpyed() throws Exception {
        Random rnd = new Random(5);
        byte[] zeros = new byte[1 << 20];
        for (String cname : new String[]{"blosclz", "lz4", "snappy", "zlib", "zstd"}) {
            byte[] enc = new BloscCodec(cname, 5, 1, 0).encode(zeros, 2);
            assertTrue(enc.length < 60000, cname + " should compress zeros, got " + enc.length + " bytes");
            assertEquals(0, enc[2] & BloscCodec.FLAG_MEMCPYED, cname);
        }
        byte[] random = pattern("random", 100000, rnd);
        byte[] enc = new BloscCodec("lz4", 5, 0, 0).encode(random, 1);
        assertEquals(random.length + 16, enc.length);
        assertArrayEquals(random, BloscCodec.decodeFrame(enc));
    }

    @Test
    void blocksizeFollowsCBlosc() {
        // values c-blosc 1.21 computes (see compute_blocksize): lz4 clevel 5 typesize 2 splits -> 256 KiB blocks
        assertEquals(1 << 18, BloscCodec.computeBlocksize(BloscCompressor.LZ4, 5, 2, 10_000_000, 0));
        assertEquals(149050, BloscCodec.computeBlocksize(BloscCompressor.LZ4, 5, 2, 149050, 0));
        // zstd does not split: 32 KiB * 2 (HCR) * 4 (clevel 5)
        assertEquals(1 << 18, BloscCodec.computeBlocksize(BloscCompressor.ZSTD, 5, 8, 10_000_000, 0));
        // clevel 0: L1 / 4, no split enlargement
        assertEquals(8192, BloscCodec.computeBlocksize(BloscCompressor.LZ4, 0, 4, 10_000_000, 0));
        // forced block sizes are clamped to at least 128, then enlarged when the block is split
        assertEquals(128, BloscCodec.computeBlocksize(BloscCompressor.BLOSCLZ, 5, 2, 10_000_000, 100));
        assertEquals(1 << 16, BloscCodec.computeBlocksize(BloscCompressor.BLOSCLZ, 5, 2, 10_000_000, 1000));
        assertEquals(1, BloscCodec.computeBlocksize(BloscCompressor.LZ4, 5, 4, 3, 0));
    }

    @Test
    void configIsNumcodecsShaped() throws Exception {
        Codec c = Codecs.fromConfig(Map.of("id", "blosc", "cname", "zstd", "clevel", 3, "shuffle", 2, "blocksize", 0));
        assertEquals(Map.of("id", "blosc", "cname", "zstd", "clevel", 3, "shuffle", 2, "blocksize", 0), c.config());
        assertEquals("id", c.config().keySet().iterator().next());
        assertThrows(CodecException.class, () -> new BloscCodec("lz4", 10, 1, 0));
        assertThrows(CodecException.class, () -> new BloscCodec("lz4", 5, 3, 0));
    }

    @Test
    void decodeIntoRefusesTooSmallBuffers() throws Exception {
        byte[] enc = BloscCodec.zarrDefault().encode(new byte[1000], 2);
        assertThrows(CodecException.class, () -> BloscCodec.zarrDefault().decodeInto(enc, new byte[999], 0));
        assertThrows(CodecException.class, () -> BloscCodec.zarrDefault().decodeInto(enc, new byte[1000], 1));
    }

    /** The sum of the little- or big-endian elements of raw, as longs that wrap (the oracle for sumIntegers). */
    static long elementSum(byte[] raw, int itemSize, boolean signed, boolean bigEndian) {
        long s = 0;
        for (int i = 0; i + itemSize <= raw.length; i += itemSize) {
            long v = 0;
            for (int k = 0; k < itemSize; k++) {
                int b = raw[i + (bigEndian ? k : itemSize - 1 - k)] & 0xFF;
                v = v << 8 | b;
            }
            if (signed && v >= 1L << (8 * itemSize - 1)) v -= 1L << (8 * itemSize);
            s += v;
        }
        return s;
    }

    @Test
    void sumIntegersEqualsTheSumOfTheDecodedElements() throws Exception {
        Random rnd = new Random(11);
        int fast = 0;
        for (String cname : new String[]{"lz4", "zstd", "blosclz"}) {
            for (int shuffle = 0; shuffle <= 2; shuffle++) {
                for (int ts : new int[]{1, 2, 4}) {
                    // 300000 bytes: several blocks and a leftover block; 200: one block, no split
                    for (int n : new int[]{0, 200, 300000}) {
                        for (String kind : new String[]{"random", "ramp", "zeros"}) {
                            BloscCodec codec = new BloscCodec(cname, 5, shuffle, 0);
                            byte[] raw = pattern(kind, n, rnd);
                            byte[] enc = codec.encode(raw, ts);
                            for (boolean signed : new boolean[]{false, true}) {
                                for (boolean be : new boolean[]{false, true}) {
                                    String what = cname + " shuffle=" + shuffle + " ts=" + ts + " n=" + n + " " + kind + " signed=" + signed + " be=" + be;
                                    Long sum = BloscCodec.sumIntegers(enc, enc.length, n, ts, signed, be);
                                    boolean shuffledFrame = (enc[2] & 0x02) == 0 && ((enc[2] & 0x01) != 0 && ts > 1 || ts == 1 && (enc[2] & 0x04) == 0);
                                    if (n == 0) {
                                        assertEquals(0L, sum, what);
                                    } else if (shuffledFrame) {
                                        assertEquals(elementSum(raw, ts, signed, be), sum, what);
                                        fast++;
                                    } else {
                                        assertEquals(null, sum, what + ": not byte-shuffled, must decline");
                                    }
                                }
                            }
                            assertEquals(null, BloscCodec.sumIntegers(enc, enc.length, n + ts, ts, false, false), "a frame of another size is declined");
                        }
                    }
                }
            }
        }
        assertTrue(fast > 100, "the byte-shuffled path ran " + fast + " times");
    }

    /** 2-byte elements with a smooth high byte and a noisy low byte (as microscopy images): byte-shuffled, they compress. */
    private static byte[] noisyRamp(int n, Random rnd) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        for (int i = 1; i < n; i += 2) b[i] = (byte) (i / 1000 + rnd.nextInt(2));
        return b;
    }

    /** The 2-byte element i of raw as an int: unsigned, or signed xor 0x8000 (ordered as unsigned). */
    private static int element(byte[] raw, int i, boolean signed, boolean bigEndian) {
        int v = bigEndian ? (raw[2 * i] & 0xff) << 8 | raw[2 * i + 1] & 0xff : (raw[2 * i + 1] & 0xff) << 8 | raw[2 * i] & 0xff;
        return signed ? v ^ 0x8000 : v;
    }

    @Test
    void foldShortExtremesEqualsTheMinAndMaxOfTheDecodedElements() throws Exception {
        Random rnd = new Random(12);
        int folded = 0;
        for (String cname : new String[]{"lz4", "zstd", "blosclz"}) {
            for (int shuffle = 0; shuffle <= 2; shuffle++) {
                // forced blocksizes: c-blosc's own, small (many blocks, a leftover one), one not a multiple of 8
                for (int blocksize : new int[]{0, 4096, 1000}) {
                    // 300000 bytes: several blocks and a leftover block; 200: one block, no split; 66: memcpyed (too small)
                    for (int n : new int[]{66, 200, 300000}) {
                        for (String kind : new String[]{"noisy", "ramp", "zeros"}) {
                            BloscCodec codec = new BloscCodec(cname, 5, shuffle, blocksize);
                            byte[][] raws = new byte[3][];
                            byte[][] encs = new byte[3][];
                            for (int c = 0; c < 3; c++) {
                                raws[c] = kind.equals("noisy") ? noisyRamp(n, rnd) : pattern(kind, n, rnd);
                                encs[c] = codec.encode(raws[c], 2);
                            }
                            int bs = BloscCodec.shortPlanesBlocksize(encs[0], encs[0].length, n);
                            boolean planes = (encs[0][2] & 0x02) == 0 && (encs[0][2] & 0x01) != 0;
                            int frameBlocksize = java.nio.ByteBuffer.wrap(encs[0], 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
                            String what = cname + " shuffle=" + shuffle + " blocksize=" + blocksize + " n=" + n + " " + kind;
                            if (!planes || frameBlocksize % 8 != 0 || n % 8 != 0) {
                                assertEquals(-1, bs, what + ": not byte-shuffled into blocks of whole ints, must decline");
                                continue;
                            }
                            assertEquals(frameBlocksize, bs, what);
                            assertEquals(-1, BloscCodec.shortPlanesBlocksize(encs[0], encs[0].length, n + 8), what + ": a frame of another size is declined");
                            for (boolean signed : new boolean[]{false, true}) {
                                for (boolean be : new boolean[]{false, true}) {
                                    for (boolean max : new boolean[]{false, true}) {
                                        int nblocks = (n + bs - 1) / bs;
                                        int[][] rows = new int[2 * nblocks][];
                                        for (int j = 0; j < nblocks; j++) {
                                            for (int odd = 0; odd < 2; odd++) {
                                                rows[2 * j + odd] = new int[Math.min(bs, n - j * bs) / 8];
                                                if (!max) Arrays.fill(rows[2 * j + odd], -1);
                                            }
                                        }
                                        int flip = signed ? 0x80008000 : 0;
                                        for (byte[] enc : encs) BloscCodec.foldShortExtremes(enc, enc.length, be, max, flip, rows);
                                        for (int i = 0; i < n / 2; i++) {
                                            int want = max ? 0 : 0xffff;
                                            for (byte[] raw : raws) {
                                                int v = element(raw, i, signed, be);
                                                want = max ? Math.max(want, v) : Math.min(want, v);
                                            }
                                            int j = 2 * i / bs, e = i - j * (bs / 2);
                                            int word = rows[2 * j + e % 2][e / 4];
                                            int got = (e % 4 < 2 ? word : word >>> 16) & 0xffff;
                                            if (want != got) {
                                                assertEquals(want, got, what + " signed=" + signed + " be=" + be + " max=" + max + " element " + i);
                                            }
                                        }
                                        folded++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(folded > 100, "frames folded " + folded + " times");
    }

    /** A chunk decoded into its run of a larger region leaves the rest of the region as it was. */
    @Test
    void decodeShortsAtAnOffsetWritesExactlyItsRun() throws Exception {
        Random rnd = new Random(6);
        for (int n : new int[]{200, 4098, 300000}) {
            byte[] raw = noisyRamp(n, rnd);
            for (String cname : new String[]{"lz4", "zstd"}) {
                byte[] enc = new BloscCodec(cname, 5, 1, 0).encode(raw, 2);
                assertEquals(0x01, enc[2] & 0x03, "a byte-shuffled frame");
                for (boolean be : new boolean[]{false, true}) {
                    String what = cname + " n=" + n + " be=" + be;
                    short[] want = new short[n / 2];
                    java.nio.ByteBuffer.wrap(raw).order(be ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(want);
                    short[] region = new short[n / 2 + 11];
                    Arrays.fill(region, (short) 0x5A5A);
                    assertTrue(BloscCodec.decodeShorts(enc, enc.length, region, 7, n / 2, be), what);
                    assertArrayEquals(want, Arrays.copyOfRange(region, 7, 7 + n / 2), what);
                    for (int i : new int[]{0, 6, 7 + n / 2, region.length - 1}) assertEquals((short) 0x5A5A, region[i], what + " index " + i);
                    assertThrows(IndexOutOfBoundsException.class, () -> BloscCodec.decodeShorts(enc, enc.length, region, 12, n / 2, be), what + ": a run past the end");
                    assertEquals(false, BloscCodec.decodeShorts(enc, enc.length, region, 0, n / 2 + 1, be), what + ": another count is declined");
                }
            }
        }
    }

    /** liblz4 (through JNI) decodes what aircompressor decodes, and refuses corrupt and truncated streams without harm. */
    @Test
    void nativeLz4AgreesWithAircompressorAndRefusesCorruptStreams() throws Exception {
        assertTrue(NativeLz4.available(), "lz4-java's native library did not load: blosc LZ4 falls back to aircompressor, 1.5x slower");
        Random rnd = new Random(8);
        io.airlift.compress.lz4.Lz4Compressor c = new io.airlift.compress.lz4.Lz4Compressor();
        io.airlift.compress.lz4.Lz4Decompressor air = new io.airlift.compress.lz4.Lz4Decompressor();
        int refused = 0;
        for (String kind : new String[]{"random", "ramp", "zeros", "run-then-random", "far-repeat"}) {
            for (int n : new int[]{1, 100, 70000}) {
                byte[] raw = pattern(kind, n, rnd);
                byte[] enc = new byte[c.maxCompressedLength(n)];
                int len = c.compress(raw, 0, n, enc, 0, enc.length);
                byte[] a = new byte[n], b = new byte[n + 8];
                assertEquals(n, air.decompress(enc, 0, len, a, 0, n));
                assertEquals(n, NativeLz4.decompress(enc, 0, len, b, 4, n), kind + " " + n);
                assertArrayEquals(a, Arrays.copyOfRange(b, 4, 4 + n), kind + " " + n);
                for (int t = 0; t < 200; t++) {
                    byte[] bad = Arrays.copyOf(enc, len);
                    int cut = len;
                    if (t % 3 == 0) cut = rnd.nextInt(len);
                    else for (int k = 0; k <= t % 4; k++) bad[rnd.nextInt(len)] ^= (byte) (1 + rnd.nextInt(255));
                    byte[] out = new byte[n + 16];
                    Arrays.fill(out, (byte) 0x77);
                    try {
                        int got = NativeLz4.decompress(bad, 0, cut, out, 8, n);
                        assertTrue(got >= 0 && got <= n, "decoded " + got + " of at most " + n);
                    } catch (CodecException e) {
                        assertTrue(e.getMessage().contains("lz4"), e.getMessage());
                        refused++;
                    }
                    for (int i = 0; i < 8; i++) assertEquals((byte) 0x77, out[i], "byte before the run");
                    for (int i = 8 + n; i < out.length; i++) assertEquals((byte) 0x77, out[i], "byte after the run");
                }
            }
        }
        assertTrue(refused > 100, "corrupt streams refused " + refused + " times");
    }

    @Test
    void decodeShortsEqualsThePlainDecodeReadAsShorts() throws Exception {
        Random rnd = new Random(5);
        int direct = 0;
        for (String cname : new String[]{"lz4", "zstd"}) {
            for (int shuffle = 0; shuffle <= 2; shuffle++) {
                for (int n : new int[]{200, 4098, 300000}) {
                    for (String kind : new String[]{"random", "ramp"}) {
                        BloscCodec codec = new BloscCodec(cname, 5, shuffle, 0);
                        byte[] raw = pattern(kind, n, rnd);
                        byte[] enc = codec.encode(raw, 2);
                        for (java.nio.ByteOrder order : new java.nio.ByteOrder[]{java.nio.ByteOrder.LITTLE_ENDIAN, java.nio.ByteOrder.BIG_ENDIAN}) {
                            String what = cname + " shuffle=" + shuffle + " n=" + n + " " + kind + " " + order;
                            short[] want = new short[n / 2];
                            java.nio.ByteBuffer.wrap(raw).order(order).asShortBuffer().get(want);
                            short[] got = new short[n / 2];
                            boolean shuffledFrame = (enc[2] & 0x03) == 0x01;
                            assertEquals(shuffledFrame, BloscCodec.decodeShorts(enc, enc.length, got, 0, got.length, order == java.nio.ByteOrder.BIG_ENDIAN), what);
                            if (shuffledFrame) {
                                assertArrayEquals(want, got, what);
                                direct++;
                            }
                            assertEquals(false, BloscCodec.decodeShorts(enc, enc.length, new short[n / 2 + 1], 0, n / 2 + 1, false), what + ": another size is declined");
                        }
                    }
                }
            }
        }
        assertTrue(direct >= 4, "the direct path ran " + direct + " times");
    }
}
