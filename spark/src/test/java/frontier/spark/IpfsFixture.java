package frontier.spark;

import frontier.array.ChunkedArray;
import frontier.array.DType;
import frontier.array.NdArray;
import frontier.array.sched.ThreadPoolScheduler;
import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.Importer;
import frontier.progress.ProgressSink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Zarr arrays added to a block store (the kernel's node) with the tutorial's ipfs add flags. */
final class IpfsFixture {
    private IpfsFixture() {
    }

    /** A uint16 array of 2 x 24 planes of 64 x 60, one chunk per plane (48 chunks), its values from seed. */
    static NdArray planes(int seed) {
        NdArray a = NdArray.zeros(DType.UINT16, 2, 24, 64, 60);
        for (int i = 0; i < a.size(); i++) a.setLong(i, (i * 31L + seed * 7919L + (i / 97) * 13L) % 4096);
        return a;
    }

    /** Writes the array as Zarr under dir/name.zarr, adds it (-r --hidden --raw-leaves --cid-version 1 -w) and returns ipfs://CID/name.zarr. */
    static String add(NdArray a, Path dir, String name, Path store) throws IOException {
        Path zarr = dir.resolve(name + ".zarr");
        Files.createDirectories(zarr);
        frontier.zarr.Zarr.write(ChunkedArray.fromArray(a, 1, 1, 64, 60), new frontier.store.FileStore(zarr), "", new ThreadPoolScheduler(2));
        ImportOptions o = new ImportOptions();
        o.recursive = true;
        o.hidden = true;
        o.chunker = "size-1000000";
        o.rawLeaves = true;
        o.cidVersion = 1;
        o.wrap = true;
        FileBlockStore blocks = new FileBlockStore(store);
        var root = new Importer(o, blocks::putHashed, dir).add(List.of(zarr), dir, ProgressSink.NONE).root();
        return "ipfs://" + root + "/" + name + ".zarr";
    }
}
