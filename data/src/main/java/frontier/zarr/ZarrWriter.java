package frontier.zarr;

import frontier.array.ChunkedArray;
import frontier.array.SourceRef;
import frontier.array.sched.Scheduler;
import frontier.store.Store;

import java.io.IOException;
import java.util.Arrays;

/** Computes lazy arrays into new Zarr arrays, one write task per chunk (or shard): {@link Zarr#write}. */
final class ZarrWriter {
    private ZarrWriter() {
    }

    static ZarrArray write(ChunkedArray a, Store store, String path, Scheduler scheduler) throws IOException {
        int[] cs = a.chunksize();
        for (int i = 0; i < cs.length; i++) cs[i] = Math.max(cs[i], 1);
        ArrayMetadata md = ArrayMetadata.builder(a.dtype(), a.shape(), cs).fillValue(0).build();
        ZarrArray target = Zarr.createArray(store, path, md);
        return writeInto(a, target, cs, scheduler, path, ".zarray");
    }

    static ZarrArray write(ChunkedArray a, Store store, String path, ArrayMetadataV3 metadata, Scheduler scheduler) throws IOException {
        if (metadata.dtype() != a.dtype() || !Arrays.equals(metadata.shape(), a.shape())) {
            throw new IllegalArgumentException("metadata for " + metadata.dtype() + Arrays.toString(metadata.shape())
                    + " does not fit this array of " + a.dtype() + Arrays.toString(a.shape()));
        }
        ZarrArray target = Zarr.createArray(store, path, metadata);
        return writeInto(a, target, metadata.gridChunks(), scheduler, path, Zarr.ZARR_JSON);
    }

    /** Writes a into target in blocks of writeChunks (what one store key holds), removing metaKey when it fails. */
    private static ZarrArray writeInto(ChunkedArray a, ZarrArray target, int[] writeChunks, Scheduler scheduler, String path, String metaKey)
            throws IOException {
        SourceRef ref = new SourceRef(target);
        try {
            a.store(writeChunks, idx -> new WriteChunk(ref, idx, writeChunks), scheduler);
        } catch (RuntimeException e) {
            try {
                String p = path.replaceAll("^/+|/+$", "");
                target.store().delete(p.isEmpty() ? metaKey : p + "/" + metaKey);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return target;
    }
}
