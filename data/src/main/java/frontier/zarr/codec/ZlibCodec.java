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
    public byte[] decode(byte[] encoded) throws CodecException {
        return inflate(encoded, false, "zlib");
    }

    /** Inflates a whole zlib (or, with nowrap, raw deflate) stream; trailing bytes are an error. */
    static byte[] inflate(byte[] encoded, boolean nowrap, String what) throws CodecException {
        Inflater inf = new Inflater(nowrap);
        try {
            inf.setInput(encoded);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, Math.min(encoded.length * 4, 1 << 24)));
            byte[] buf = new byte[65536];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                out.write(buf, 0, n);
                if (n == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
                    throw new CodecException(what + " stream is truncated (" + encoded.length + " bytes)");
                }
            }
            if (inf.getRemaining() > 0 && !nowrap) {
                throw new CodecException(what + " stream has " + inf.getRemaining() + " unexpected bytes after its end");
            }
            return out.toByteArray();
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
