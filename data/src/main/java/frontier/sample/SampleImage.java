package frontier.sample;

import frontier.array.DType;
import frontier.array.NdArray;
import frontier.store.Stores;
import frontier.store.Store;
import frontier.zarr.ArrayMetadata;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import frontier.zarr.ZarrGroup;

import frontier.ome.convert.NgffConverter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the tutorial's sample image with our own Zarr writer: an OME-Zarr v0.1 image laid out
 * like IDR image 6001240 (t, c, z, y, x uint16 big-endian, one chunk per plane, Blosc lz4 +
 * shuffle, three pyramid levels, an omero block, labels/ and masks/), smaller, with synthetic
 * nuclei so that compression and pictures resemble real fluorescence data. The same bytes on
 * every run (a fixed seed), so notebooks get the same CIDs everywhere.
 */
public final class SampleImage {
    /** Level-0 shape of the default sample: a quarter of 6001240's planes, half its width. */
    public static final int[] DEFAULT_SHAPE = {1, 2, 60, 138, 136};
    private static final long SEED = 6001240L;

    private SampleImage() {
    }

    /** Writes the default sample under dir (which becomes the image group, e.g. .../6001240.zarr). */
    public static ZarrGroup write(Path dir) throws IOException {
        return write(Stores.directory(dir), DEFAULT_SHAPE);
    }

    /**
     * Writes the default sample as NGFF "0.1" (Zarr v2, as IDR's v0.1 export) or "0.5" (Zarr v3 with the
     * metadata under "ome", each array sharded with a channel's whole z stack per shard, as IDR's v0.5
     * copies are): the same values either way. 0.5 is the 0.1 sample rewritten by {@link NgffConverter}.
     */
    public static void write(Path dir, String ngff) throws IOException {
        if (ngff.equals("0.1")) {
            write(dir);
            return;
        }
        if (!ngff.equals("0.5")) throw new IllegalArgumentException("the sample is written as NGFF 0.1 or 0.5, not " + ngff);
        Path v2 = Files.createTempDirectory("sample-ngff01").resolve("6001240.zarr");
        try {
            write(v2);
            new NgffConverter(v2.toString(), dir).chunksPerShard(new int[]{1, 1, DEFAULT_SHAPE[2], 1, 1}).run();
        } finally {
            try (var s = Files.walk(v2.getParent())) {
                for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
            }
        }
    }

    /** Writes a sample of the given level-0 shape (t, c, z, y, x) into store's root. */
    public static ZarrGroup write(Store store, int[] shape) throws IOException {
        if (shape.length != 5) throw new IllegalArgumentException("shape must be (t, c, z, y, x)");
        Volume v = nuclei(shape);
        ZarrGroup root = Zarr.createGroup(store, "");
        writeLevels(root, v.image);
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("_creator", Map.of("name", "frontier", "version", "1"));
        attrs.put("multiscales", multiscales());
        attrs.put("omero", omero(shape[2]));
        root.updateAttrs(attrs);
        for (String name : List.of("labels", "masks")) {
            ZarrGroup g = root.createGroup(name);
            g.updateAttrs(Map.of("labels", List.of("0")));
            ZarrGroup label = g.createGroup("0");
            writeLevels(label, v.labels);
            Map<String, Object> la = new LinkedHashMap<>();
            la.put("multiscales", multiscales());
            la.put("image-label", imageLabel(v.labelCount));
            label.updateAttrs(la);
        }
        return root;
    }

    private static final class Volume {
        NdArray image;
        NdArray labels;
        int labelCount;
    }

    /** Blurred ellipsoids over a noisy background, per channel, and their label image. */
    static Volume nuclei(int[] shape) {
        int c = shape[1], z = shape[2], y = shape[3], x = shape[4];
        SplittableRandom rng = new SplittableRandom(SEED);
        int n = Math.max(3, (y * x) / 2500);
        double[][] centres = new double[n][];
        double[][] radii = new double[n][];
        for (int i = 0; i < n; i++) {
            centres[i] = new double[]{rng.nextDouble() * z, rng.nextDouble() * y, rng.nextDouble() * x};
            radii[i] = new double[]{z / 8.0 + 1 + rng.nextDouble() * z / 8.0, 5 + rng.nextDouble() * 9, 5 + rng.nextDouble() * 9};
        }
        float[] signal = new float[z * y * x];
        byte[] labels = new byte[z * y * x];
        for (int i = 0; i < n; i++) {
            double cz = centres[i][0], cy = centres[i][1], cx = centres[i][2];
            double rz = radii[i][0], ry = radii[i][1], rx = radii[i][2];
            for (int k = 0; k < z; k++) {
                double dz = (k - cz) / rz;
                for (int j = 0; j < y; j++) {
                    double dy = (j - cy) / ry;
                    for (int l = 0; l < x; l++) {
                        double dx = (l - cx) / rx;
                        double d = dz * dz + dy * dy + dx * dx;
                        int idx = (k * y + j) * x + l;
                        signal[idx] += (float) Math.exp(-d * 1.5);
                        if (d < 1.0) labels[idx] = (byte) ((i % 254) + 1);
                    }
                }
            }
        }
        short[] img = new short[c * z * y * x];
        for (int ch = 0; ch < c; ch++) {
            double gain = ch == 0 ? 900.0 : 1400.0;
            for (int i = 0; i < signal.length; i++) {
                double mean = 8.0 + gain * signal[i] * (0.6 + 0.4 * ch);
                img[ch * signal.length + i] = (short) Math.min(65535, poisson(rng, mean));
            }
        }
        Volume v = new Volume();
        v.image = NdArray.wrap(DType.UINT16, img, shape);
        v.labels = NdArray.wrap(DType.UINT8, labels, 1, 1, z, y, x);
        v.labelCount = n;
        return v;
    }

    /** A Poisson sample: Knuth's method for small means, a rounded normal for large ones. */
    private static long poisson(SplittableRandom rng, double mean) {
        if (mean < 30) {
            double l = Math.exp(-mean), p = 1;
            long k = 0;
            do {
                k++;
                p *= rng.nextDouble();
            } while (p > l);
            return k - 1;
        }
        double u1 = rng.nextDouble(), u2 = rng.nextDouble();
        double g = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * g));
    }

    /** Levels 0, 1, 2: each halves y and x by taking every second pixel, as the tutorial's export does. */
    private static void writeLevels(ZarrGroup group, NdArray level0) throws IOException {
        NdArray level = level0;
        for (int i = 0; i < 3; i++) {
            int[] s = level.shape();
            long[] shape = new long[s.length];
            for (int d = 0; d < s.length; d++) shape[d] = s[d];
            int[] chunks = {1, 1, 1, s[3], s[4]};
            ArrayMetadata meta = ArrayMetadata.builder(level.dtype(), shape, chunks)
                    .byteOrder(level.dtype() == DType.UINT8 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                    .fillValue(0)
                    .compressor(blosc())
                    .build();
            ZarrArray a = group.createArray(String.valueOf(i), meta);
            a.write(level);
            level = halve(level);
        }
    }

    private static NdArray halve(NdArray a) {
        int[] s = a.shape();
        int y = s[3] / 2, x = s[4] / 2;
        int[] out = {s[0], s[1], s[2], y, x};
        NdArray r = NdArray.zeros(a.dtype(), out);
        int planes = s[0] * s[1] * s[2];
        for (int p = 0; p < planes; p++) {
            for (int j = 0; j < y; j++) {
                for (int i = 0; i < x; i++) {
                    r.setLong((p * y + j) * x + i, a.getLong((p * s[3] + 2 * j) * s[4] + 2 * i));
                }
            }
        }
        return r;
    }

    private static Map<String, Object> blosc() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "blosc");
        m.put("cname", "lz4");
        m.put("clevel", 5);
        m.put("shuffle", 1);
        m.put("blocksize", 0);
        return m;
    }

    private static List<Object> multiscales() {
        List<Object> datasets = new ArrayList<>();
        for (int i = 0; i < 3; i++) datasets.add(Map.of("path", String.valueOf(i)));
        Map<String, Object> ms = new LinkedHashMap<>();
        ms.put("datasets", datasets);
        ms.put("version", "0.1");
        return List.of(ms);
    }

    private static Map<String, Object> omero(int z) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", 1);
        o.put("name", "B4_C3.tif");
        o.put("version", "0.1");
        o.put("channels", List.of(channel("LaminB1", "0000FF"), channel("Dapi", "FFFF00")));
        Map<String, Object> rdefs = new LinkedHashMap<>();
        rdefs.put("defaultT", 0);
        rdefs.put("defaultZ", z / 2);
        rdefs.put("model", "color");
        o.put("rdefs", rdefs);
        return o;
    }

    private static Map<String, Object> channel(String label, String color) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("active", true);
        c.put("coefficient", 1.0);
        c.put("color", color);
        c.put("family", "linear");
        c.put("inverted", false);
        c.put("label", label);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("start", 0.0);
        w.put("end", 1500.0);
        w.put("min", 0.0);
        w.put("max", 65535.0);
        c.put("window", w);
        return c;
    }

    private static Map<String, Object> imageLabel(int n) {
        List<Object> colors = new ArrayList<>();
        for (int v = 1; v <= n; v++) {
            colors.add(Map.of("label-value", v, "rgba", List.of((37 * v) % 256, (91 * v) % 256, (173 * v) % 256, 255)));
        }
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("version", "0.1");
        l.put("colors", colors);
        l.put("source", Map.of("image", "../../"));
        return l;
    }

    /** Command line: SampleImage OUT_DIR [NGFF_VERSION] (writes the default sample there, as 0.1 unless told 0.5). */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SampleImage OUT_DIR [0.1|0.5]");
            System.exit(2);
        }
        write(Path.of(args[0]), args.length > 1 ? args[1] : "0.1");
        System.out.println(Path.of(args[0]).toAbsolutePath());
    }
}
