package frontier.zarr.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** numcodecs' GZip: one gzip member (RFC 1952); decoding also accepts concatenated members, as Python's gzip does. */
public final class GzipCodec implements Codec {
    private final int level;

    public GzipCodec(int level) {
        this.level = level;
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(encoded), 65536)) {
            return DecodeBound.readAll(in, maxDecoded, "gzip stream");
        } catch (CodecException e) {
            throw e;
        } catch (java.io.EOFException e) {
            throw new CodecException("gzip stream is truncated (" + encoded.length + " bytes)", e);
        } catch (IOException | RuntimeException e) {
            throw new CodecException("corrupt gzip stream: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) throws CodecException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length / 2 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 65536) {
            {
                def.setLevel(level);
            }
        }) {
            out.write(raw);
        } catch (IOException e) {
            throw new CodecException("gzip encoding failed: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "gzip");
        c.put("level", level);
        return c;
    }
}
