package frontier.zarr.codec;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** numcodecs' Zlib: a zlib stream (RFC 1950). */
public final class ZlibCodec implements Codec {
    private final int level;

    public ZlibCodec(int level) {
        this.level = level;
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        return inflate(encoded, false, "zlib", maxDecoded);
    }

    /**
     * Inflates a whole zlib (or, with nowrap, raw deflate) stream of at most max bytes; trailing bytes
     * are an error. The output grows with what the stream delivers and inflating stops at max + 1 bytes.
     */
    static byte[] inflate(byte[] encoded, boolean nowrap, String what, int max) throws CodecException {
        Inflater inf = new Inflater(nowrap);
        try {
            inf.setInput(encoded);
            // a bound of chunk size is what the stream should fill: allocate it at once; else grow
            byte[] out = new byte[max <= 1 << 24 ? max : (int) Math.max(64L, Math.min((long) encoded.length * 4, 1 << 24))];
            int n = 0;
            while (!inf.finished()) {
                if (n == out.length) {
                    if (n < max) {
                        out = java.util.Arrays.copyOf(out, (int) Math.min(max, 2L * out.length));
                    } else if (inf.inflate(new byte[1]) > 0) { // full at the bound: one byte more is too much
                        throw DecodeBound.exceeded(what + " stream", max);
                    } else {
                        if (!inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
                            throw new CodecException(what + " stream is truncated (" + encoded.length + " bytes)");
                        }
                        continue;
                    }
                }
                int k = inf.inflate(out, n, out.length - n);
                n += k;
                if (k == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
                    throw new CodecException(what + " stream is truncated (" + encoded.length + " bytes)");
                }
            }
            if (inf.getRemaining() > 0 && !nowrap) {
                throw new CodecException(what + " stream has " + inf.getRemaining() + " unexpected bytes after its end");
            }
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new CodecException("corrupt " + what + " stream: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    static byte[] deflate(byte[] raw, int level, boolean nowrap) {
        Deflater def = new Deflater(level, nowrap);
        try {
            def.setInput(raw);
            def.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            byte[] buf = new byte[65536];
            while (!def.finished()) {
                out.write(buf, 0, def.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            def.end();
        }
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) {
        return deflate(raw, level, false);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "zlib");
        c.put("level", level);
        return c;
    }
}
