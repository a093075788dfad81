package frontier.zarr.codec;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** numcodecs' Zlib: a zlib stream. */
public final class ZlibCodec implements Codec {
    private final int level;

    public ZlibCodec(int level) {
        this.level = level;
    }

    @Override
    public byte[] decode(byte[] encoded) throws CodecException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(encoded);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, encoded.length * 4));
            byte[] buf = new byte[65536];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new CodecException("zlib stream is truncated (" + encoded.length + " bytes)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new CodecException("corrupt zlib stream: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) {
        Deflater def = new Deflater(level);
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
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "zlib");
        c.put("level", level);
        return c;
    }
}
