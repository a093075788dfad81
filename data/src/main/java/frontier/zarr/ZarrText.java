package frontier.zarr;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/** Zarr values as zarr-python, numcodecs and numpy print them: tuples, sizes, dtypes, codec reprs. */
public final class ZarrText {
    private ZarrText() {
    }

    /** Python's tuple text: "(1, 2, 3)", "(5,)", "()". */
    public static String tuple(long[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(v[i]);
        }
        if (v.length == 1) sb.append(',');
        return sb.append(')').toString();
    }

    public static String tuple(int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i];
        return tuple(l);
    }

    /** zarr's human_readable_size. */
    public static String humanSize(long size) {
        if (size < (1L << 10)) return Long.toString(size);
        String[] units = {"K", "M", "G", "T", "P"};
        double s = size;
        int u = -1;
        while (s >= 1024 && u < units.length - 1) {
            s /= 1024;
            u++;
        }
        return String.format("%.1f%s", s, units[u]);
    }

    public static String bytesStr(long b) {
        return b > 1024 ? b + " (" + humanSize(b) + ")" : Long.toString(b);
    }

    /** numcodecs-style repr of a codec configuration: Blosc(cname='lz4', clevel=5, shuffle=SHUFFLE, blocksize=0), Zlib(level=1). */
    public static String codecRepr(Map<String, Object> config) {
        if (config == null) return "None";
        String id = String.valueOf(config.get("id"));
        if (id.equals("blosc")) {
            Object sh = config.get("shuffle");
            String shuffle = sh instanceof Number ? bloscShuffle(((Number) sh).intValue()) : String.valueOf(sh);
            return "Blosc(cname='" + config.get("cname") + "', clevel=" + config.get("clevel") + ", shuffle=" + shuffle
                    + ", blocksize=" + config.get("blocksize") + ")";
        }
        String name;
        switch (id) {
            case "zlib": name = "Zlib"; break;
            case "gzip": name = "GZip"; break;
            case "zstd": name = "Zstd"; break;
            case "lz4": name = "LZ4"; break;
            case "bz2": name = "BZ2"; break;
            case "lzma": name = "LZMA"; break;
            case "fixedscaleoffset": name = "FixedScaleOffset"; break;
            case "astype": name = "AsType"; break;
            case "crc32": name = "CRC32"; break;
            default: name = id.isEmpty() ? id : Character.toUpperCase(id.charAt(0)) + id.substring(1);
        }
        StringBuilder sb = new StringBuilder(name).append('(');
        boolean first = true;
        for (Map.Entry<String, Object> e : config.entrySet()) {
            if (e.getKey().equals("id")) continue;
            if (!first) sb.append(", ");
            first = false;
            Object v = e.getValue();
            sb.append(e.getKey()).append('=').append(v instanceof String ? "'" + v + "'" : v == null ? "None" : v);
        }
        return sb.append(')').toString();
    }

    private static String bloscShuffle(int s) {
        switch (s) {
            case 0: return "NOSHUFFLE";
            case 1: return "SHUFFLE";
            case 2: return "BITSHUFFLE";
            case -1: return "AUTOSHUFFLE";
            default: return Integer.toString(s);
        }
    }

    /** numpy's str of the dtype: "uint16" when native (little-endian here), else ">u2". */
    public static String dtypeStr(ZarrArrayMetadata md) {
        if (md.dtype().itemSize() > 1 && md.byteOrder() == ByteOrder.BIG_ENDIAN) return md.zarrDType().toString();
        return md.dtype().numpyName();
    }

    /** The compressor as numcodecs shows it (v2), or a v3 array's codec names ("sharding_indexed(bytes, blosc), crc32c"). */
    public static String compressorRepr(ZarrArrayMetadata md) {
        if (md instanceof ArrayMetadata v2) return codecRepr(v2.compressor());
        return codecNames(((ArrayMetadataV3) md).codecs().toJson());
    }

    @SuppressWarnings("unchecked")
    static String codecNames(List<Map<String, Object>> codecs) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> c : codecs) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(c.get("name"));
            Object conf = c.get("configuration");
            if ("sharding_indexed".equals(c.get("name")) && conf instanceof Map && ((Map<String, Object>) conf).get("codecs") instanceof List) {
                sb.append('(').append(codecNames((List<Map<String, Object>>) ((Map<String, Object>) conf).get("codecs"))).append(')');
            }
        }
        return sb.toString();
    }
}
