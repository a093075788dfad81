package frontier.zarr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static frontier.zarr.ZarrText.bytesStr;
import static frontier.zarr.ZarrText.codecNames;
import static frontier.zarr.ZarrText.codecRepr;
import static frontier.zarr.ZarrText.dtypeStr;
import static frontier.zarr.ZarrText.tuple;

/**
 * An array's {@code .info} as zarr-python reports it: (name, value) rows. {@link #toString()} is
 * its text form ("Name               : /0", one row a line); the HTML table is the display module's.
 */
public final class ZarrInfo {
    /** One row: "Data type" and ">u2", say. */
    public record Row(String name, String value) {
    }

    private final List<Row> rows;

    private ZarrInfo(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The value of the row with this name, or null. */
    public String get(String name) {
        for (Row r : rows) if (r.name().equals(name)) return r.value();
        return null;
    }

    /** zarr-python's text: names padded to the longest, " : ", the value; each line ends in a newline. */
    @Override
    public String toString() {
        int w = 0;
        for (Row r : rows) w = Math.max(w, r.name().length());
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            sb.append(r.name());
            for (int i = r.name().length(); i < w; i++) sb.append(' ');
            sb.append(" : ").append(r.value()).append('\n');
        }
        return sb.toString();
    }

    static ZarrInfo of(ZarrArray a) throws IOException {
        return new ZarrInfo(a.metadata() instanceof ArrayMetadataV3 v3 ? v3(a, v3) : v2(a, (ArrayMetadata) a.metadata()));
    }

    /** zarr-python 3's rows of a v3 array. */
    private static List<Row> v3(ZarrArray a, ArrayMetadataV3 md) throws IOException {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Name", a.name()));
        rows.add(new Row("Type", "frontier.zarr.ZarrArray"));
        rows.add(new Row("Zarr format", "3"));
        rows.add(new Row("Data type", dtypeStr(md)));
        rows.add(new Row("Fill value", String.valueOf(md.fillValue())));
        rows.add(new Row("Shape", tuple(md.shape())));
        if (md.shards() != null) rows.add(new Row("Shard shape", tuple(md.shards())));
        rows.add(new Row("Chunk shape", tuple(md.chunks())));
        if (md.dimensionNames() != null) rows.add(new Row("Dimension names", String.valueOf(md.dimensionNames())));
        rows.add(new Row("Order", "C"));
        rows.add(new Row("Read-only", "False"));
        rows.add(new Row("Store type", a.store().getClass().getName()));
        rows.add(new Row("Codecs", codecNames(md.codecs().toJson())));
        storage(a, rows);
        long init = a.nchunksInitialized();
        long total = 1;
        for (long g : md.grid()) total *= g;
        rows.add(new Row(md.shards() != null ? "Shards initialized" : "Chunks initialized", (init < 0 ? "unknown" : Long.toString(init)) + "/" + total));
        return rows;
    }

    /** zarr-python 2's rows. */
    private static List<Row> v2(ZarrArray a, ArrayMetadata md) throws IOException {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Name", a.name()));
        rows.add(new Row("Type", "frontier.zarr.ZarrArray"));
        rows.add(new Row("Data type", dtypeStr(md)));
        rows.add(new Row("Shape", tuple(md.shape())));
        rows.add(new Row("Chunk shape", tuple(md.chunks())));
        rows.add(new Row("Order", String.valueOf(md.order())));
        rows.add(new Row("Read-only", "False"));
        if (md.filters() != null) {
            for (int i = 0; i < md.filters().size(); i++) rows.add(new Row("Filter [" + i + "]", codecRepr(md.filters().get(i))));
        }
        rows.add(new Row("Compressor", codecRepr(md.compressor())));
        rows.add(new Row("Store type", a.store().getClass().getName()));
        storage(a, rows);
        long init = a.nchunksInitialized();
        rows.add(new Row("Chunks initialized", (init < 0 ? "unknown" : Long.toString(init)) + "/" + a.nchunks()));
        return rows;
    }

    private static void storage(ZarrArray a, List<Row> rows) throws IOException {
        long nbytes = a.nbytes();
        rows.add(new Row("No. bytes", bytesStr(nbytes)));
        long stored = a.storedBytes();
        if (stored < 0) {
            rows.add(new Row("No. bytes stored", "unknown (the store cannot list keys)"));
        } else if (stored > 0) {
            rows.add(new Row("No. bytes stored", bytesStr(stored)));
            rows.add(new Row("Storage ratio", String.format("%.1f", (double) nbytes / stored)));
        }
    }
}
