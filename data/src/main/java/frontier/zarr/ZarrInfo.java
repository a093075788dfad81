package frontier.zarr;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static frontier.display.Html.escape;

/** Text and HTML for arrays and groups, after zarr-python's repr and .info. */
final class ZarrInfo {
    private ZarrInfo() {
    }

    /** Python's tuple text: "(1, 2, 3)", "(5,)", "()". */
    static String tuple(long[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(v[i]);
        }
        if (v.length == 1) sb.append(',');
        return sb.append(')').toString();
    }

    static String tuple(int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i];
        return tuple(l);
    }

    /** zarr's human_readable_size. */
    static String humanSize(long size) {
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

    static String bytesStr(long b) {
        return b > 1024 ? b + " (" + humanSize(b) + ")" : Long.toString(b);
    }

    /** numcodecs-style repr of a codec configuration: Blosc(cname='lz4', clevel=5, shuffle=SHUFFLE, blocksize=0), Zlib(level=1). */
    static String codecRepr(Map<String, Object> config) {
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
    static String dtypeStr(ZarrArrayMetadata md) {
        if (md.dtype().itemSize() > 1 && md.byteOrder() == ByteOrder.BIG_ENDIAN) return md.zarrDType().toString();
        return md.dtype().numpyName();
    }

    /** The compressor as numcodecs shows it (v2), or a v3 array's codec names ("sharding_indexed(bytes, blosc), crc32c"). */
    static String compressorRepr(ZarrArrayMetadata md) {
        if (md instanceof ArrayMetadata v2) return codecRepr(v2.compressor());
        return codecNames(((ArrayMetadataV3) md).codecs().toJson());
    }

    @SuppressWarnings("unchecked")
    private static String codecNames(List<Map<String, Object>> codecs) {
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

    /** zarr-python 3's info rows of a v3 array. */
    private static List<String[]> arrayInfoV3(ZarrArray a, ArrayMetadataV3 md) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Name", a.name()});
        rows.add(new String[]{"Type", "frontier.zarr.ZarrArray"});
        rows.add(new String[]{"Zarr format", "3"});
        rows.add(new String[]{"Data type", dtypeStr(md)});
        rows.add(new String[]{"Fill value", String.valueOf(md.fillValue())});
        rows.add(new String[]{"Shape", tuple(md.shape())});
        if (md.shards() != null) rows.add(new String[]{"Shard shape", tuple(md.shards())});
        rows.add(new String[]{"Chunk shape", tuple(md.chunks())});
        if (md.dimensionNames() != null) rows.add(new String[]{"Dimension names", String.valueOf(md.dimensionNames())});
        rows.add(new String[]{"Order", "C"});
        rows.add(new String[]{"Read-only", "False"});
        rows.add(new String[]{"Store type", a.store().getClass().getName()});
        rows.add(new String[]{"Codecs", codecNames(md.codecs().toJson())});
        long nbytes = a.nbytes();
        rows.add(new String[]{"No. bytes", bytesStr(nbytes)});
        long stored = a.storedBytes();
        if (stored < 0) {
            rows.add(new String[]{"No. bytes stored", "unknown (the store cannot list keys)"});
        } else if (stored > 0) {
            rows.add(new String[]{"No. bytes stored", bytesStr(stored)});
            rows.add(new String[]{"Storage ratio", String.format("%.1f", (double) nbytes / stored)});
        }
        long init = a.nchunksInitialized();
        long total = 1;
        for (long g : md.grid()) total *= g;
        rows.add(new String[]{md.shards() != null ? "Shards initialized" : "Chunks initialized", (init < 0 ? "unknown" : Long.toString(init)) + "/" + total});
        return rows;
    }

    static List<String[]> arrayInfo(ZarrArray a) throws IOException {
        if (a.metadata() instanceof ArrayMetadataV3 v3) return arrayInfoV3(a, v3);
        ArrayMetadata md = (ArrayMetadata) a.metadata();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Name", a.name()});
        rows.add(new String[]{"Type", "frontier.zarr.ZarrArray"});
        rows.add(new String[]{"Data type", dtypeStr(md)});
        rows.add(new String[]{"Shape", tuple(md.shape())});
        rows.add(new String[]{"Chunk shape", tuple(md.chunks())});
        rows.add(new String[]{"Order", String.valueOf(md.order())});
        rows.add(new String[]{"Read-only", "False"});
        if (md.filters() != null) {
            for (int i = 0; i < md.filters().size(); i++) rows.add(new String[]{"Filter [" + i + "]", codecRepr(md.filters().get(i))});
        }
        rows.add(new String[]{"Compressor", codecRepr(md.compressor())});
        rows.add(new String[]{"Store type", a.store().getClass().getName()});
        long nbytes = a.nbytes();
        rows.add(new String[]{"No. bytes", bytesStr(nbytes)});
        long stored = a.storedBytes();
        if (stored < 0) {
            rows.add(new String[]{"No. bytes stored", "unknown (the store cannot list keys)"});
        } else if (stored > 0) {
            rows.add(new String[]{"No. bytes stored", bytesStr(stored)});
            rows.add(new String[]{"Storage ratio", String.format("%.1f", (double) nbytes / stored)});
        }
        long init = a.nchunksInitialized();
        rows.add(new String[]{"Chunks initialized", (init < 0 ? "unknown" : Long.toString(init)) + "/" + a.nchunks()});
        return rows;
    }

    static String html(List<String[]> rows) {
        StringBuilder sb = new StringBuilder("<table class=\"zarr-info\"><tbody>");
        for (String[] r : rows) {
            sb.append("<tr><th style=\"text-align: left\">").append(escape(r[0])).append("</th><td style=\"text-align: left\">")
                    .append(escape(r[1])).append("</td></tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    static String text(List<String[]> rows) {
        int w = 0;
        for (String[] r : rows) w = Math.max(w, r[0].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(r[0]);
            for (int i = r[0].length(); i < w; i++) sb.append(' ');
            sb.append(" : ").append(r[1]).append('\n');
        }
        return sb.toString();
    }

}
