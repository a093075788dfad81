package frontier.spark;

import frontier.array.ChunkedArray;
import frontier.array.DType;
import frontier.array.NdArray;
import frontier.array.sched.Scheduler;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.zarr.Zarr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static frontier.array.ChunkedArray.ALL;
import static frontier.array.ChunkedArray.ELLIPSIS;
import static frontier.array.ChunkedArray.range;

/**
 * Every operation ChunkedArray has, each as a computation that a scheduler runs, for tests that
 * compare schedulers byte for byte. The arrays: a uint16 Zarr array on disk (read chunk by chunk
 * where the task runs), float32 and int64 arrays carried in the graph, with uneven edge chunks.
 */
public final class ArrayCases {
    /** A named computation: its result as bytes (dtype, shape and values) under a scheduler. */
    public record Case(String name, Function<Scheduler, byte[]> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Path dir;
    private final ChunkedArray u16;
    private final ChunkedArray f32;
    private final ChunkedArray i64;

    public ArrayCases(Path dir) throws IOException {
        this.dir = dir;
        NdArray u = NdArray.zeros(DType.UINT16, 13, 37, 29);
        for (int i = 0; i < u.size(); i++) u.setLong(i, (i * 7919L + (i / 5) * 104729L) % 65536);
        Path zarr = dir.resolve("u16.zarr");
        Files.createDirectories(zarr);
        frontier.zarr.Zarr.write(ChunkedArray.fromArray(u, 4, 10, 8), new frontier.store.FileStore(zarr), "", new ThreadPoolScheduler(2));
        this.u16 = ChunkedArray.fromZarr(Zarr.openArray(zarr));
        NdArray f = NdArray.zeros(DType.FLOAT32, 9, 23, 17);
        for (int i = 0; i < f.size(); i++) f.setDouble(i, Math.sin(i * 0.37) * 1000.0 / (1 + i % 13) - 3.3);
        this.f32 = ChunkedArray.fromArray(f, 2, 7, 5);
        NdArray l = NdArray.zeros(DType.INT64, 11, 19);
        for (int i = 0; i < l.size(); i++) l.setLong(i, (i * 6700417L) ^ (i % 3 == 0 ? -1L << 40 : 12345L));
        this.i64 = ChunkedArray.fromArray(l, 3, 6);
    }

    public ChunkedArray u16() {
        return u16;
    }

    public List<Case> all() {
        List<Case> c = new ArrayList<>();
        ChunkedArray a = u16, f = f32, l = i64;
        add(c, "compute u16 from Zarr", a);
        add(c, "compute f32 from memory", f);
        add(c, "get integer, range, step", a.get(3, range(2, 30), range(1, null, 3)));
        add(c, "get negative step and ellipsis", a.get(ELLIPSIS, range(null, null, -2)));
        add(c, "get negative index", a.get(-1, ALL, 5));
        add(c, "add scalar", a.add(7));
        add(c, "sub scalar", f.sub(2.5));
        add(c, "mul scalar", l.mul(-3));
        add(c, "div scalar", a.div(3));
        add(c, "rsub", a.rsub(100));
        add(c, "rdiv", f.rdiv(1.5));
        add(c, "add array", a.add(a.mul(2)));
        add(c, "sub array", f.sub(f.mul(0.5)));
        add(c, "mul array", l.mul(l));
        add(c, "div array", f.div(f.add(10000)));
        add(c, "add array of other chunks (rechunked)", a.add(a.rechunk(5, 6, 9)));
        add(c, "sub a 0-d reduction (broadcast)", a.sub(a.mean()));
        add(c, "0-d reduction minus array", f.max().sub(f));
        add(c, "astype float32", a.astype(DType.FLOAT32).div(7));
        add(c, "astype uint8 (wraps)", a.astype(DType.UINT8));
        add(c, "astype int16 from float", f.astype(DType.INT16));
        add(c, "rechunk", a.rechunk(-1, 3, 29));
        add(c, "sum all", a.sum());
        add(c, "sum axis 0", a.sum(0));
        add(c, "sum axes 1 2 float32", f.sum(1, 2));
        add(c, "mean all", a.mean());
        add(c, "mean axis -1 float32", f.mean(-1));
        add(c, "min axis 1", a.min(1));
        add(c, "max all int64", l.max());
        add(c, "min all float32", f.min());
        add(c, "std all", a.std());
        add(c, "std axis 0 float32", f.std(0));
        add(c, "maxProjection 0", a.maxProjection(0));
        add(c, "maxProjection of a slice", a.get(ALL, range(3, 33), ALL).maxProjection(0));
        add(c, "chain: (2a + a) max over 0 then mean", a.mul(2).add(a).max(0).mean());
        add(c, "int64 sum axis 1", l.sum(1));
        c.add(new Case("Zarr.write (the written chunk files)", s -> storedChunks(a.mul(3).rechunk(5, 11, 10), s)));
        return c;
    }

    public Stream<Case> stream() {
        return all().stream();
    }

    private static void add(List<Case> cases, String name, ChunkedArray x) {
        cases.add(new Case(name, s -> bytes(x.compute(s))));
    }

    /** dtype, shape and the values' little-endian bytes: equal bytes are bit-for-bit equal results. */
    public static byte[] bytes(NdArray a) {
        byte[] head = (a.dtype() + Arrays.toString(a.shape()) + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = a.toBytes(ByteOrder.LITTLE_ENDIAN);
        byte[] out = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    private byte[] storedChunks(ChunkedArray x, Scheduler s) {
        try {
            Path out = Files.createTempDirectory(dir, "tozarr-");
            frontier.zarr.Zarr.write(x, new frontier.store.FileStore(out), "", s);
            StringBuilder sb = new StringBuilder();
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            try (Stream<Path> files = Files.list(out)) {
                for (Path p : files.sorted().toList()) {
                    all.write(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    all.write(Files.readAllBytes(p));
                }
            }
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
