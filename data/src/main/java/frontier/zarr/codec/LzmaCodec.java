package frontier.zarr.codec;

import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.LZMAOutputStream;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * numcodecs' LZMA (org.tukaani:xz): format 1 = .xz (the default), 2 = legacy .lzma ("alone"),
 * 0 = auto-detect when decoding. check -1 = the format's default (CRC64 for xz), else Python's
 * CHECK_* numbers, which are xz's. preset null = 6; the extreme flag (0x80000000) is honoured.
 * Custom filter chains are accepted only when they are a single LZMA2 filter; raw format (3) is not supported.
 */
public final class LzmaCodec implements Codec {
    static final int FORMAT_AUTO = 0;
    static final int FORMAT_XZ = 1;
    static final int FORMAT_ALONE = 2;
    static final int FORMAT_RAW = 3;
    private static final long LZMA2_FILTER_ID = 0x21;
    /**
     * Memory for an .xz stream's decoder, in KiB, unless the chunk is larger: enough for every preset
     * (9 uses a 64 MiB dictionary), so that a hostile header cannot make us allocate a gigabyte.
     */
    private static final int XZ_MEMORY_FLOOR_KIB = 96 << 10;
    /** The "alone" header: properties byte, dictionary size, uncompressed size. */
    private static final int ALONE_HEADER = 13;

    private final int format;
    private final int check;
    private final Integer preset;
    private final List<?> filters;

    public LzmaCodec(int format, int check, Integer preset, List<?> filters) throws CodecException {
        if (format < 0 || format > 3) {
            throw new CodecException("lzma format must be 0..3, got " + format);
        }
        if (format == FORMAT_RAW) {
            throw new CodecException("lzma raw format (3) is not supported");
        }
        this.format = format;
        this.check = check;
        this.preset = preset;
        this.filters = filters;
        options(); // validate now
    }

    public static LzmaCodec fromConfig(Map<String, Object> config) throws CodecException {
        Object filters = config.get("filters");
        if (filters != null && !(filters instanceof List)) {
            throw new CodecException("lzma: 'filters' must be a list or null, got " + filters);
        }
        Integer preset = config.get("preset") == null ? null : Configs.integer(config, "preset", 6);
        return new LzmaCodec(Configs.integer(config, "format", FORMAT_XZ), Configs.integer(config, "check", -1), preset,
                (List<?>) filters);
    }

    private LZMA2Options options() throws CodecException {
        int p = preset == null ? 6 : preset;
        if (filters != null && !filters.isEmpty()) {
            if (filters.size() != 1 || !(filters.get(0) instanceof Map<?, ?> f)
                    || !(f.get("id") instanceof Number id) || id.longValue() != LZMA2_FILTER_ID) {
                throw new CodecException("lzma: only a single LZMA2 filter is supported, got " + filters);
            }
            if (f.get("preset") instanceof Number fp) {
                p = fp.intValue();
            }
        }
        boolean extreme = (p & 0x80000000) != 0;
        p &= 0x7FFFFFFF;
        try {
            LZMA2Options o = new LZMA2Options(p);
            if (extreme) {
                o.setMode(LZMA2Options.MODE_NORMAL);
                o.setNiceLen(273);
                o.setDepthLimit(512);
            }
            return o;
        } catch (UnsupportedOptionsException e) {
            throw new CodecException("lzma: unsupported preset " + p + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        int f = format;
        if (f == FORMAT_AUTO) {
            f = encoded.length >= 6 && (encoded[0] & 0xFF) == 0xFD && encoded[1] == '7' && encoded[2] == 'z' ? FORMAT_XZ : FORMAT_ALONE;
        }
        String what = "lzma (" + (f == FORMAT_XZ ? "xz" : "alone") + ") stream";
        try (InputStream in = f == FORMAT_XZ
                ? new XZInputStream(new ByteArrayInputStream(encoded), (int) Math.max(XZ_MEMORY_FLOOR_KIB, maxDecoded / 1024L + 1024))
                : alone(encoded, maxDecoded, what)) {
            return DecodeBound.readAll(in, maxDecoded, what);
        } catch (CodecException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CodecException("corrupt lzma (" + (f == FORMAT_XZ ? "xz" : "alone") + ") stream of " + encoded.length + " bytes: " + e, e);
        }
    }

    /**
     * An "alone" (.lzma) stream, its header read here: a declared size beyond the bound fails at once, and
     * the dictionary is cut to the bound (a match can never reach further back than what was decoded), so
     * a header claiming a 4 GiB dictionary costs no more than the chunk.
     */
    private static InputStream alone(byte[] encoded, int maxDecoded, String what) throws IOException {
        if (encoded.length < ALONE_HEADER) {
            throw new CodecException(what + " of " + encoded.length + " bytes is shorter than its 13-byte header");
        }
        byte props = encoded[0];
        long dictSize = LittleEndian.getInt(encoded, 1) & 0xFFFFFFFFL;
        long size = LittleEndian.getInt(encoded, 5) & 0xFFFFFFFFL | (long) LittleEndian.getInt(encoded, 9) << 32;
        if (size != -1) DecodeBound.check(what, size < 0 ? Long.MAX_VALUE : size, maxDecoded);
        int dict = (int) Math.max(4096, Math.min(dictSize, Math.max(maxDecoded, 4096)));
        return new LZMAInputStream(new ByteArrayInputStream(encoded, ALONE_HEADER, encoded.length - ALONE_HEADER), size, props, dict);
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) throws CodecException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length / 2 + 64);
        try {
            if (format == FORMAT_ALONE) {
                try (LZMAOutputStream out = new LZMAOutputStream(bytes, options(), -1)) {
                    out.write(raw);
                }
            } else {
                int checkType = check == -1 ? XZ.CHECK_CRC64 : check;
                try (XZOutputStream out = new XZOutputStream(bytes, options(), checkType)) {
                    out.write(raw);
                }
            }
        } catch (IOException e) {
            throw new CodecException("lzma encoding failed: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "lzma");
        c.put("format", format);
        c.put("check", check);
        c.put("preset", preset);
        c.put("filters", filters);
        return c;
    }
}
