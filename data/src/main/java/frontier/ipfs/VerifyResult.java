package frontier.ipfs;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.resolve.DagDiff;

import java.nio.file.Path;
import java.util.List;

/**
 * {@link Ipfs#verify}: whether a local file or folder imports as exactly the expected CID.
 *
 * @param local       what was checked
 * @param imported    the CID the local copy imports as with the given add flags
 * @param expected    the CID it should be (the path's CID, resolved)
 * @param hint        a note when one side is the other wrapped in a directory (-w on one side only), else null
 * @param differences the paths that differ (at most {@link #MAX_DIFFERENCES}), empty when ok
 */
public record VerifyResult(Path local, Cid imported, Cid expected, String hint, List<DagDiff.Change> differences) {
    public static final int MAX_DIFFERENCES = 200;

    public VerifyResult {
        differences = List.copyOf(differences);
    }

    /** True only for an exact match. */
    public boolean ok() {
        return imported.equals(expected);
    }
}
