package frontier.ipfs.resolve;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.CidRules;

import java.util.ArrayList;
import java.util.List;

/**
 * A content path: a root CID and path segments below it. Parses {@code ipfs://CID/a/b},
 * {@code /ipfs/CID/a/b} and {@code CID/a/b}. Empty segments (double or trailing slashes) are
 * dropped; "." and ".." are refused, so a path can never climb above its root. A root CID that
 * cannot vouch for a block ({@link CidRules}: a truncated digest, say) is refused here, by name.
 */
public record IpfsPath(Cid root, List<String> segments) {
    public IpfsPath {
        segments = List.copyOf(segments);
    }

    public static IpfsPath parse(String s) {
        if (s == null || s.isBlank()) throw new InvalidIpfsPathException(String.valueOf(s), "empty path");
        String rest = s;
        if (rest.startsWith("ipfs://")) {
            rest = rest.substring("ipfs://".length());
        } else if (rest.startsWith("/ipfs/")) {
            rest = rest.substring("/ipfs/".length());
        } else if (rest.startsWith("ipns://") || rest.startsWith("/ipns/")) {
            throw new InvalidIpfsPathException(s, "IPNS names are not supported, only /ipfs/ content paths");
        }
        int slash = rest.indexOf('/');
        String cidText = slash < 0 ? rest : rest.substring(0, slash);
        if (cidText.isEmpty()) throw new InvalidIpfsPathException(s, "no CID");
        Cid root;
        try {
            root = Cid.parse(cidText);
        } catch (IllegalArgumentException e) {
            throw new InvalidIpfsPathException(s, e.getMessage());
        }
        String unverifiable = CidRules.describe(root);
        if (unverifiable != null) throw new InvalidIpfsPathException(s, unverifiable);
        return new IpfsPath(root, slash < 0 ? List.of() : split(rest.substring(slash + 1), s));
    }

    /** Splits a relative path into segments, refusing "." and ".."; context names the whole path in errors. */
    public static List<String> split(String path, String context) {
        List<String> out = new ArrayList<>();
        if (path == null || path.isEmpty()) return out;
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty()) continue;
            if (seg.equals(".") || seg.equals("..")) {
                throw new InvalidIpfsPathException(context, "'" + seg + "' segments are not allowed");
            }
            if (seg.indexOf('\0') >= 0) throw new InvalidIpfsPathException(context, "NUL in a path segment");
            out.add(seg);
        }
        return out;
    }

    /** This path with more segments appended (a store key below it). */
    public IpfsPath resolve(String relative) {
        if (relative == null || relative.isEmpty()) return this;
        List<String> all = new ArrayList<>(segments);
        all.addAll(split(relative, this + "/" + relative));
        return new IpfsPath(root, all);
    }

    /** The segments joined with '/' ("" for the root itself). */
    public String pathPart() {
        return String.join("/", segments);
    }

    /** {@code /ipfs/CID/a/b}. */
    public String toPathString() {
        return "/ipfs/" + root + (segments.isEmpty() ? "" : "/" + pathPart());
    }

    /** {@code ipfs://CID/a/b}. */
    @Override
    public String toString() {
        return "ipfs://" + root + (segments.isEmpty() ? "" : "/" + pathPart());
    }
}
