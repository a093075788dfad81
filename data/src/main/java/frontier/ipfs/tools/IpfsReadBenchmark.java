package frontier.ipfs.tools;

import frontier.array.NdArray;
import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.Importer;
import frontier.ipfs.node.IpfsNode;
import frontier.progress.ProgressSink;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * bench/ipfs-read: adds an OME-Zarr folder to a block store with the tutorial's flags, then, in
 * one warm JVM, reads level ARRAY fully through {@code ipfs://CID/NAME} (the embedded node's store)
 * and from the local folder, alternating, and prints both medians.
 * usage: IpfsReadBenchmark REPO ZARR_DIR ARRAY [ITERATIONS] [WARMUP]; prints
 * "ipfs=<s> local=<s> cid=<CID> sum_ipfs=<n> sum_local=<n> network_blocks=<n>".
 */
public final class IpfsReadBenchmark {
    private IpfsReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        Path zarr = Path.of(args[1]).toAbsolutePath();
        String array = args[2];
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        ImportOptions o = new ImportOptions();
        o.recursive = true;
        o.hidden = true;
        o.chunker = "size-1000000";
        o.rawLeaves = true;
        o.cidVersion = 1;
        o.wrap = true;
        FileBlockStore store = new FileBlockStore(repo);
        Cid cid = new Importer(o, store::putHashed, zarr.getParent()).add(List.of(zarr), zarr.getParent(), ProgressSink.NONE).root();
        System.setProperty("frontier.ipfs.path", repo.toString());
        ZarrArray viaIpfs = Zarr.openArray("ipfs://" + cid + "/" + zarr.getFileName(), array);
        ZarrArray local = Zarr.openArray(zarr.toString(), array);
        long si = 0;
        long sl = 0;
        for (int i = 0; i < warmup; i++) {
            si = checksum(viaIpfs.read());
            sl = checksum(local.read());
        }
        double[] ti = new double[iterations];
        double[] tl = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            NdArray a = viaIpfs.read();
            ti[i] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            NdArray b = local.read();
            tl[i] = (System.nanoTime() - t0) / 1e9;
            if (i == 0 && !a.equals(b)) throw new IllegalStateException("ipfs:// and local reads differ");
        }
        Arrays.sort(ti);
        Arrays.sort(tl);
        System.out.printf("ipfs=%.6f local=%.6f cid=%s sum_ipfs=%d sum_local=%d network_blocks=%d%n", ti[iterations / 2], tl[iterations / 2], cid, si, sl,
                IpfsNode.embedded().fetcher().networkBlocks());
    }

    static long checksum(NdArray v) {
        long s = 0;
        for (int i = 0; i < v.size(); i++) s += v.getLong(i);
        return s;
    }
}
