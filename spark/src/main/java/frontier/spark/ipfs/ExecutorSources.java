package frontier.spark.ipfs;

import frontier.array.ChunkSource;
import frontier.array.ChunkSourceOpener;

import java.io.IOException;

/**
 * On an executor with an IPFS node, opens the ipfs:// arrays that tasks read through that node
 * (its block store, its peers, verified blocks), ahead of the plain Zarr opener.
 */
public final class ExecutorSources implements ChunkSourceOpener {
    @Override
    public ChunkSource open(String location) throws IOException {
        ExecutorNode node = ExecutorNode.current();
        if (node == null || !BatchSources.isIpfs(location)) return null;
        return node.array(location);
    }

    @Override
    public int priority() {
        return 10;
    }
}
