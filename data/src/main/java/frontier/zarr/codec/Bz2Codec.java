package frontier.zarr.codec;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** numcodecs' BZ2 (commons-compress): level is the block size in 100 kB units, as in Python's bz2. */
public final class Bz2Codec implements Codec {
    private final int level;

    public Bz2Codec(int level) throws CodecException {
        if (level < 1 || level > 9) {
            throw new CodecException("bz2 level must be 1..9, got " + level);
        }
        this.level = level;
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        try (BZip2CompressorInputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(encoded), true)) {
            return DecodeBound.readAll(in, maxDecoded, "bz2 stream");
        } catch (CodecException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CodecException("corrupt bz2 stream (" + encoded.length + " bytes): " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) throws CodecException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length / 2 + 64);
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bytes, level)) {
            out.write(raw);
        } catch (IOException e) {
            throw new CodecException("bz2 encoding failed: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "bz2");
        c.put("level", level);
        return c;
    }
}
