package frontier.zarr.codec;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input: random and mutated frames (flipped bytes, truncation, headers lying about nbytes,
 * blocksize, cbytes and typesize, block offsets and stream sizes out of range) must end in a
 * CodecException or a successful decode, never another exception, a hang or a huge allocation.
 */
class CodecFuzzTest {
    private static final String[] CNAMES = {"blosclz", "lz4", "lz4hc", "snappy", "zlib", "zstd"};

    private static byte[] sample(Random rnd, int n, int ts) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % ts == ts - 1 ? rnd.nextInt(4) : (i / ts) % 200);
        }
        return b;
    }

    /** Decodes; returns null on CodecException, fails the test on anything else. */
    private static byte[] decodeOrCodecException(Codec codec, byte[] frame, String what) {
        try {
            return codec.decode(frame);
        } catch (CodecException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what + ": empty message");
            return null;
        } catch (Throwable t) {
            fail(what + ": expected CodecException, got " + t, t);
            return null;
        }
    }

    /**
     * The swapping decodeInto, given the frame in a longer buffer (as a reused read buffer is) followed by
     * stale bytes, fails (with a CodecException) exactly when decode does, else gives plain's elements reversed.
     */
    private static void swappedAgrees(BloscCodec codec, byte[] frame, byte[] plain, int size, String what) {
        byte[] out = new byte[plain != null ? plain.length : 4 * frame.length + 64];
        byte[] buffer = Arrays.copyOf(frame, frame.length + 64);
        Arrays.fill(buffer, frame.length, buffer.length, (byte) 0x5A);
        try {
            int n = codec.decodeInto(buffer, frame.length, out, 0, size);
            if (plain == null) {
                fail(what + ": decode failed but swapping decodeInto gave " + n + " bytes");
            }
            assertArrayEquals(BloscCodecTest.reversed(plain, size), out, what + " (swapped " + size + ")");
        } catch (CodecException e) {
            if (plain != null) {
                fail(what + ": decode succeeded but swapping decodeInto failed: " + e, e);
            }
        } catch (Throwable t) {
            fail(what + ": expected CodecException from swapping decodeInto, got " + t, t);
        }
    }

    private static List<byte[]> validBloscFrames(Random rnd) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (String cname : CNAMES) {
            for (int shuffle = 0; shuffle <= 2; shuffle++) {
                for (int ts : new int[]{1, 2, 4, 8}) {
                    for (int n : new int[]{40, 300, 5000, 70000}) {
                        frames.add(new BloscCodec(cname, 5, shuffle, n > 10000 ? 16384 : 0).encode(sample(rnd, n, ts), ts));
                    }
                }
            }
        }
        return frames;
    }

    @Test
    void mutatedBloscFramesFailCleanly() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random rnd = new Random(20261125);
            List<byte[]> frames = validBloscFrames(rnd);
            BloscCodec codec = BloscCodec.zarrDefault();
            int rejected = 0;
            int cases = 0;
            for (int round = 0; round < 12; round++) {
                for (byte[] valid : frames) {
                    byte[] f = valid.clone();
                    String what;
                    switch (rnd.nextInt(9)) {
                        case 0 -> {
                            int flips = 1 + rnd.nextInt(8);
                            for (int k = 0; k < flips; k++) {
                                f[rnd.nextInt(f.length)] ^= (byte) (1 << rnd.nextInt(8));
                            }
                            what = flips + " flipped bits";
                        }
                        case 1 -> {
                            f = Arrays.copyOf(f, rnd.nextInt(f.length));
                            what = "truncated to " + f.length;
                        }
                        case 2 -> {
                            int v = rnd.nextBoolean() ? Integer.MAX_VALUE - rnd.nextInt(100) : rnd.nextInt();
                            LittleEndian.putInt(f, 4, v);
                            what = "nbytes " + v;
                        }
                        case 3 -> {
                            int v = switch (rnd.nextInt(4)) {
                                case 0 -> 0;
                                case 1 -> -rnd.nextInt(1000);
                                case 2 -> 1 + rnd.nextInt(64);
                                default -> rnd.nextInt();
                            };
                            LittleEndian.putInt(f, 8, v);
                            what = "blocksize " + v;
                        }
                        case 4 -> {
                            int v = rnd.nextBoolean() ? f.length + 1 + rnd.nextInt(100) : rnd.nextInt(f.length);
                            LittleEndian.putInt(f, 12, v);
                            what = "cbytes " + v;
                        }
                        case 5 -> {
                            f[3] = (byte) rnd.nextInt(256);
                            f[2] = (byte) rnd.nextInt(256);
                            what = "typesize/flags " + (f[3] & 0xFF) + "/" + (f[2] & 0xFF);
                        }
                        case 6 -> {
                            if (f.length >= 20) {
                                int v = rnd.nextBoolean() ? rnd.nextInt() : f.length - rnd.nextInt(8);
                                LittleEndian.putInt(f, 16, v);
                                what = "block offset " + v;
                            } else {
                                what = "unchanged short frame";
                            }
                        }
                        case 7 -> {
                            // a stream size field: follow the first block offset
                            int start = f.length >= 20 ? LittleEndian.getInt(f, 16) : -1;
                            if (start >= 16 && start + 4 <= f.length && (f[2] & BloscCodec.FLAG_MEMCPYED) == 0) {
                                int v = rnd.nextBoolean() ? rnd.nextInt() : LittleEndian.getInt(f, start) + rnd.nextInt(9) - 4;
                                LittleEndian.putInt(f, start, v);
                                what = "stream size " + v;
                            } else {
                                what = "unchanged frame";
                            }
                        }
                        default -> {
                            f = new byte[rnd.nextInt(200)];
                            rnd.nextBytes(f);
                            if (f.length >= 16 && rnd.nextBoolean()) {
                                f[0] = 2; // looks like a blosc1 header
                                LittleEndian.putInt(f, 12, f.length);
                            }
                            what = "random " + f.length + " bytes";
                        }
                    }
                    cases++;
                    byte[] plain = decodeOrCodecException(codec, f, what);
                    if (plain == null) {
                        rejected++;
                    }
                    swappedAgrees(codec, f, plain, 2 << rnd.nextInt(3), what);
                }
            }
            // most mutations must be detected (a flipped bit in raw data can decode fine)
            assertTrue(rejected > cases / 2, "only " + rejected + " of " + cases + " mutated frames were rejected");
        });
    }

    @Test
    void lyingHeadersNameTheProblem() throws Exception {
        byte[] raw = sample(new Random(1), 50000, 2);
        byte[] frame = BloscCodec.zarrDefault().encode(raw, 2);
        assertArrayEquals(raw, BloscCodec.zarrDefault().decode(frame));
        byte[] huge = frame.clone();
        LittleEndian.putInt(huge, 4, Integer.MAX_VALUE - 16);
        LittleEndian.putInt(huge, 8, Integer.MAX_VALUE - 16);
        assertMessage(huge, "invalid blocksize");
        LittleEndian.putInt(huge, 8, 1 << 20);
        assertMessage(huge, "more than lz4 can expand");
        LittleEndian.putInt(huge, 4, 1 << 20);
        LittleEndian.putInt(huge, 8, 128);
        assertMessage(huge, "too short for the offsets");
        byte[] truncated = Arrays.copyOf(frame, frame.length - 10);
        assertMessage(truncated, "truncated");
        byte[] badOffset = frame.clone();
        LittleEndian.putInt(badOffset, 16, frame.length + 100);
        assertMessage(badOffset, "outside the");
        byte[] blosc2 = frame.clone();
        blosc2[0] = 4;
        assertMessage(blosc2, "blosc2");
        assertMessage(new byte[5], "too short");
    }

    private static void assertMessage(byte[] frame, String part) {
        try {
            BloscCodec.decodeFrame(frame);
            fail("expected a CodecException mentioning '" + part + "'");
        } catch (CodecException e) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void everyCodecRejectsGarbageCleanly() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random rnd = new Random(7);
            List<Map<String, Object>> configs = new ArrayList<>();
            for (String id : new String[]{"zlib", "gzip", "zstd", "lz4", "bz2", "lzma", "crc32", "adler32", "packbits"}) {
                configs.add(new LinkedHashMap<>(Map.of("id", id)));
            }
            configs.add(new LinkedHashMap<>(Map.of("id", "delta", "dtype", "<i4", "astype", "<i2")));
            configs.add(new LinkedHashMap<>(Map.of("id", "fixedscaleoffset", "offset", 1, "scale", 10, "dtype", "<f8", "astype", "<u2")));
            configs.add(new LinkedHashMap<>(Map.of("id", "astype", "encode_dtype", "<f4", "decode_dtype", "<f8")));
            configs.add(new LinkedHashMap<>(Map.of("id", "quantize", "digits", 2, "dtype", "<f8")));
            configs.add(new LinkedHashMap<>(Map.of("id", "shuffle", "elementsize", 4)));
            for (Map<String, Object> cfg : configs) {
                Codec codec = Codecs.fromConfig(cfg);
                byte[] valid = codec.encode(sample(rnd, 4000, 8), 8);
                for (int k = 0; k < 300; k++) {
                    byte[] f = valid.clone();
                    if (k % 3 == 0) {
                        f = Arrays.copyOf(f, rnd.nextInt(f.length + 1));
                    } else if (k % 3 == 1) {
                        for (int j = 0; j < 1 + rnd.nextInt(4); j++) {
                            f[rnd.nextInt(f.length)] ^= (byte) (1 << rnd.nextInt(8));
                        }
                    } else {
                        f = new byte[rnd.nextInt(64)];
                        rnd.nextBytes(f);
                    }
                    decodeOrCodecException(codec, f, cfg.get("id") + " case " + k);
                }
            }
        });
    }

    @Test
    void unknownCodecsAndBadConfigsAreNamed() {
        for (Map<String, Object> cfg : List.<Map<String, Object>>of(
                Map.of("id", "nosuchcodec"),
                Map.of("id", "blosc", "cname", "brotli"),
                Map.of("id", "blosc", "clevel", 12),
                Map.of("id", "delta", "dtype", "<c16"),
                Map.of("id", "delta"),
                Map.of("id", "lzma", "format", 3))) {
            try {
                Codecs.fromConfig(cfg);
                fail("expected a CodecException for " + cfg);
            } catch (CodecException e) {
                assertTrue(e.getMessage().length() > 10, e.getMessage());
            } catch (Exception e) {
                fail("expected a CodecException for " + cfg + ", got " + e);
            }
        }
    }
}
