package frontier.ome;

import frontier.text.PythonText;
import com.fasterxml.jackson.databind.JsonNode;
import frontier.zarr.ArrayMetadataV3;
import frontier.zarr.ZarrFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What info and download need of an array's {@code .zarray} or Zarr v3 {@code zarr.json}: shape,
 * chunks, dtype, compressor, order and key separator. Checked on parse (negative or overflowing
 * shapes, zero chunks) with messages naming the file. For v3 the full metadata is kept ({@link #v3()}):
 * {@link #chunks()} are then the chunks it is read in (a sharded array's inner chunks) and the store
 * keys are the chunk grid's (shards). Reading values is the Zarr package's job.
 */
public record ArrayInfo(long[] shape, int[] chunks, String dtype, JsonNode compressor, JsonNode filters,
                        String order, String dimensionSeparator, JsonNode fillValue, ArrayMetadataV3 v3) {

    @SuppressWarnings("unchecked")
    public static ArrayInfo parse(JsonNode z, String where) throws OmeException {
        if (z == null || !z.isObject()) throw bad(where, "is " + OmeMetadata.kind(z) + ", expected a JSON object");
        JsonNode fmt = z.get("zarr_format");
        if (fmt != null && fmt.asInt() == 3) {
            ArrayMetadataV3 md;
            try {
                md = ArrayMetadataV3.fromJson(OmeMetadata.JSON.convertValue(z, java.util.LinkedHashMap.class), where);
            } catch (ZarrFormatException e) {
                throw new OmeException("invalid array metadata " + where + ": " + e.getMessage(), e);
            }
            ArrayInfo a = new ArrayInfo(md.shape(), md.chunks(), md.dtype().numpyName(), z.get("codecs"), null, "C",
                    md.chunkKeyEncoding().separator(), z.get("fill_value"), md);
            try {
                a.chunkCount();
            } catch (ArithmeticException e) {
                throw bad(where, "shape " + z.get("shape") + " has too many chunks");
            }
            return a;
        }
        if (fmt != null && fmt.asInt() != 2) throw bad(where, "zarr_format is " + fmt + ", expected 2 (.zarray) or 3 (zarr.json)");
        JsonNode sh = z.get("shape");
        JsonNode ch = z.get("chunks");
        if (sh == null || !sh.isArray()) throw bad(where, "has no 'shape' list");
        if (ch == null || !ch.isArray()) throw bad(where, "has no 'chunks' list");
        if (sh.size() != ch.size()) throw bad(where, "shape " + sh + " and chunks " + ch + " differ in length");
        long[] shape = new long[sh.size()];
        int[] chunks = new int[ch.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!sh.get(i).canConvertToLong() || !sh.get(i).isIntegralNumber() || sh.get(i).asLong() < 0) {
                throw bad(where, "shape " + sh + " holds " + sh.get(i) + ", expected non-negative integers");
            }
            if (!ch.get(i).isIntegralNumber() || !ch.get(i).canConvertToInt() || ch.get(i).asInt() <= 0) {
                throw bad(where, "chunks " + ch + " holds " + ch.get(i) + ", expected positive integers");
            }
            shape[i] = sh.get(i).asLong();
            chunks[i] = ch.get(i).asInt();
        }
        JsonNode dt = z.get("dtype");
        if (dt == null || !(dt.isTextual() || dt.isArray())) throw bad(where, "has no 'dtype'");
        String order = z.has("order") ? z.get("order").asText() : "C";
        if (!order.equals("C") && !order.equals("F")) throw bad(where, "order is '" + order + "', expected C or F");
        String sep = z.has("dimension_separator") && !z.get("dimension_separator").isNull() ? z.get("dimension_separator").asText() : null;
        if (sep != null && !sep.equals(".") && !sep.equals("/")) throw bad(where, "dimension_separator is '" + sep + "', expected '.' or '/'");
        ArrayInfo a = new ArrayInfo(shape, chunks, dt.isTextual() ? dt.asText() : dt.toString(), z.get("compressor"), z.get("filters"), order, sep, z.get("fill_value"), null);
        try {
            Math.multiplyExact(a.chunkCount(), 1L);
        } catch (ArithmeticException e) {
            throw bad(where, "shape " + sh + " with chunks " + ch + " has too many chunks");
        }
        return a;
    }

    private static OmeException bad(String where, String what) {
        return new OmeException("invalid array metadata " + where + ": " + what);
    }

    /** Store keys per dimension: chunks, or for Zarr v3 the chunk grid's (shards when sharded). */
    public long[] grid() {
        if (v3 != null) return v3.grid();
        long[] g = new long[shape.length];
        for (int i = 0; i < g.length; i++) g[i] = (shape[i] + chunks[i] - 1) / chunks[i];
        return g;
    }

    /** The number of chunk keys (1 for a 0-d array); throws ArithmeticException on overflow. */
    public long chunkCount() {
        long n = 1;
        for (long g : grid()) n = Math.multiplyExact(n, g);
        return n;
    }

    /** numpy's name for the dtype ("uint16" for ">u2"). */
    public String dtypeName() {
        String d = dtype.length() > 1 && "<>|=".indexOf(dtype.charAt(0)) >= 0 ? dtype.substring(1) : dtype;
        return switch (d) {
            case "b1" -> "bool";
            case "i1" -> "int8";
            case "u1" -> "uint8";
            case "i2" -> "int16";
            case "u2" -> "uint16";
            case "i4" -> "int32";
            case "u4" -> "uint32";
            case "i8" -> "int64";
            case "u8" -> "uint64";
            case "f2" -> "float16";
            case "f4" -> "float32";
            case "f8" -> "float64";
            case "c8" -> "complex64";
            case "c16" -> "complex128";
            default -> dtype;
        };
    }

    /** The compressor as zarr-python prints it, e.g. Blosc(cname='lz4', clevel=5, shuffle=SHUFFLE, blocksize=0). */
    public String compressorName() {
        if (v3 != null) return codecNames(compressor);
        if (compressor == null || compressor.isNull()) return "None";
        String id = compressor.has("id") ? compressor.get("id").asText() : "?";
        if (id.equals("blosc")) {
            int sh = compressor.path("shuffle").asInt(1);
            String shuffle = switch (sh) {
                case 0 -> "NOSHUFFLE";
                case 1 -> "SHUFFLE";
                case 2 -> "BITSHUFFLE";
                default -> "AUTOSHUFFLE";
            };
            return "Blosc(cname='" + compressor.path("cname").asText("lz4") + "', clevel=" + compressor.path("clevel").asInt(5)
                    + ", shuffle=" + shuffle + ", blocksize=" + compressor.path("blocksize").asInt(0) + ")";
        }
        StringBuilder sb = new StringBuilder(Character.toUpperCase(id.charAt(0)) + id.substring(1)).append('(');
        List<String> parts = new ArrayList<>();
        compressor.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("id")) {
                JsonNode v = e.getValue();
                parts.add(e.getKey() + "=" + (v.isTextual() ? "'" + v.asText() + "'" : v.toString()));
            }
        });
        return sb.append(String.join(", ", parts)).append(')').toString();
    }

    /** Zarr v3 codecs by name, a shard's inner codecs in brackets: "sharding_indexed[bytes, blosc], ...". */
    private static String codecNames(JsonNode codecs) {
        List<String> out = new ArrayList<>();
        if (codecs != null) {
            for (JsonNode c : codecs) {
                String n = c.path("name").asText("?");
                JsonNode inner = c.path("configuration").path("codecs");
                out.add(inner.isArray() ? n + "[" + codecNames(inner) + "]" : n);
            }
        }
        return String.join(", ", out);
    }



    /** Every chunk key in C order, joined with sep ("0.0.1" or "0/0/1"); "0" for a 0-d array. */
    public Iterable<String> chunkKeys(String sep) {
        return keys(idx -> {
            if (idx.length == 0) return "0";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < idx.length; i++) sb.append(i > 0 ? sep : "").append(idx[i]);
            return sb.toString();
        });
    }

    /** Zarr v3: every store key (chunk or shard) in C order, as the array's chunk key encoding spells it. */
    public Iterable<String> v3Keys() {
        return keys(idx -> v3.chunkKeyEncoding().key(idx));
    }

    /** The key of every grid index, in C order, computed as they are iterated (a grid may be huge). */
    private Iterable<String> keys(java.util.function.Function<long[], String> keyOf) {
        long[] grid = grid();
        long total = chunkCount();
        return () -> new Iterator<>() {
            final long[] idx = new long[grid.length];
            long done = 0;

            @Override
            public boolean hasNext() {
                return done < total;
            }

            @Override
            public String next() {
                if (!hasNext()) throw new NoSuchElementException();
                String key = keyOf.apply(idx);
                done++;
                for (int i = idx.length - 1; i >= 0; i--) {
                    if (++idx[i] < grid[i]) break;
                    idx[i] = 0;
                }
                return key;
            }
        };
    }

    /** The key of the first chunk, for probing which separator a store uses. */
    public String firstChunkKey(String sep) {
        if (shape.length == 0) return "0";
        return String.join(sep, java.util.Collections.nCopies(shape.length, "0"));
    }
}
