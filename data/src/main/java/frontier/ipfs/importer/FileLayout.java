package frontier.ipfs.importer;

import frontier.ipfs.unixfs.UnixfsType;

import java.util.ArrayList;
import java.util.List;

/**
 * Kubo's two file layouts over a stream of leaves: balanced (fill each level up to maxLinks
 * before growing a new root) and trickle (a layer of leaves, then up to 4 subtrees of each
 * increasing depth). Only the shapes live here; leaves come hashed from {@link Leaves}.
 */
final class FileLayout {
    /** The leaves of one file, in order. */
    interface Leaves {
        boolean done();

        DagNode next();

        /** How many leaves there are in all. */
        int total();
    }

    /** mode/mtime for the file's root node (null when absent). */
    record Attributes(Integer mode, Long mtimeSeconds, Integer mtimeNanos) {
        boolean any() {
            return mode != null || mtimeSeconds != null;
        }

        static final Attributes NONE = new Attributes(null, null, null);
    }

    private static final int DEPTH_REPEAT = 4;

    private FileLayout() {
    }

    /** Leaves of a balanced DAG are UnixFS File nodes (when not raw); of a trickle DAG, Raw nodes. */
    static UnixfsType leafType(boolean trickle) {
        return trickle ? UnixfsType.RAW : UnixfsType.FILE;
    }

    /**
     * The balanced DAG. A single leaf is the file itself. With attributes, the caller makes a
     * single-chunk file's root itself (it needs the chunk); here they go on the last root.
     */
    static DagNode balanced(NodeFactory f, Leaves leaves, int maxLinks, Attributes attrs) {
        if (leaves.done()) {
            return f.emptyFile(attrs);
        }
        long total = leaves.total();
        DagNode root = leaves.next();
        long capacity = 1;
        for (int depth = 1; !leaves.done(); depth++) {
            capacity = capacity > Long.MAX_VALUE / maxLinks ? Long.MAX_VALUE : capacity * maxLinks;
            List<DagNode> children = new ArrayList<>();
            children.add(root);
            // boxo sets the attributes on the final root only; it is final once it can hold every leaf
            root = fillBalanced(f, leaves, maxLinks, children, depth, total <= capacity ? attrs : Attributes.NONE);
        }
        return root;
    }

    private static DagNode fillBalanced(NodeFactory f, Leaves leaves, int maxLinks, List<DagNode> children, int depth, Attributes attrs) {
        while (children.size() < maxLinks && !leaves.done()) {
            children.add(depth == 1 ? leaves.next() : fillBalanced(f, leaves, maxLinks, new ArrayList<>(), depth - 1, Attributes.NONE));
        }
        return f.fileNode(children, attrs.mode(), attrs.mtimeSeconds(), attrs.mtimeNanos());
    }

    static DagNode trickle(NodeFactory f, Leaves leaves, int maxLinks, Attributes attrs) {
        List<DagNode> children = new ArrayList<>();
        fillTrickle(f, leaves, maxLinks, children, -1);
        return f.fileNode(children, attrs.mode(), attrs.mtimeSeconds(), attrs.mtimeNanos());
    }

    private static void fillTrickle(NodeFactory f, Leaves leaves, int maxLinks, List<DagNode> children, int maxDepth) {
        while (children.size() < maxLinks && !leaves.done()) {
            children.add(leaves.next());
        }
        for (int depth = 1; maxDepth == -1 || depth < maxDepth; depth++) {
            if (leaves.done()) {
                break;
            }
            for (int r = 0; r < DEPTH_REPEAT && !leaves.done(); r++) {
                List<DagNode> sub = new ArrayList<>();
                fillTrickle(f, leaves, maxLinks, sub, depth);
                children.add(f.fileNode(sub, null, null, null));
            }
        }
    }
}
