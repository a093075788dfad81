package frontier.spark.ipfs;

import frontier.array.graph.FusedOp;
import frontier.array.graph.Op;
import frontier.array.graph.Task;
import frontier.array.OpenSource;
import frontier.array.ReadChunk;
import frontier.spark.plan.Batch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch reads from IPFS: the ipfs:// arrays it opens and the chunks it reads (as
 * "location|key"). The one place that looks inside ops, so that locality and per-executor nodes
 * follow the chunk-reading ops of frontier.array.
 */
final class BatchSources {
    private BatchSources() {
    }

    static boolean isIpfs(String location) {
        return location != null && (location.startsWith("ipfs://") || location.startsWith("/ipfs/"));
    }

    static Set<String> ipfsLocations(Batch b) {
        Set<String> out = new LinkedHashSet<>();
        for (Op op : ops(b)) {
            if (op instanceof OpenSource o && isIpfs(o.location())) out.add(o.location());
            if (op instanceof ReadChunk r && isIpfs(r.location())) out.add(r.location());
        }
        return out;
    }

    /** The chunks the batch reads from IPFS: location and key. */
    static List<String[]> ipfsChunks(Batch b) {
        List<String[]> out = new ArrayList<>();
        for (Op op : ops(b)) {
            if (op instanceof ReadChunk r && isIpfs(r.location())) out.add(new String[]{r.location(), r.chunkKey()});
        }
        return out;
    }

    static String ref(String location, String key) {
        return location + "|" + key;
    }

    private static List<Op> ops(Batch b) {
        List<Op> out = new ArrayList<>();
        for (Task t : b.tasks()) {
            if (t.op() instanceof FusedOp f) out.addAll(f.chain());
            else out.add(t.op());
        }
        return out;
    }
}
