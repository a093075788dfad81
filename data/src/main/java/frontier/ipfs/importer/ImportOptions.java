package frontier.ipfs.importer;

import frontier.ipfs.cid.HashType;
import frontier.ipfs.cid.Multibase;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings of one {@code ipfs add}, named after Kubo's flags, with Kubo's defaults (the
 * unixfs-v0-2015 profile). {@link #resolve()} applies Kubo's rules between them: a hash other
 * than sha2-256 implies CIDv1, CIDv1 implies raw leaves unless told otherwise, mode/mtime turn
 * raw leaves off.
 */
public final class ImportOptions {
    public String chunker = "size-262144";
    public boolean trickle;
    /** null: Kubo's default (0, or 1 when the hash is not sha2-256). */
    public Integer cidVersion;
    /** null: default (on for CIDv1). */
    public Boolean rawLeaves;
    public HashType hash = HashType.SHA2_256;
    public boolean inline;
    public int inlineLimit = 32;
    public int maxLinks = 174;
    /** HAMT switch threshold in bytes of the "links" estimate; 0 disables sharding. */
    public long hamtThreshold = 262144;
    public int hamtFanout = 256;
    public boolean wrap;
    public boolean recursive;
    public boolean hidden;
    public List<String> ignore = new ArrayList<>();
    public String ignoreRulesPath;
    public boolean onlyHash;
    public boolean pin = true;
    public boolean preserveMode;
    public boolean preserveMtime;
    /** Custom mode bits (0 = none). */
    public int mode;
    /** Custom mtime seconds (0 = none, as in Kubo). */
    public long mtime;
    public int mtimeNsecs;
    /** Adds smaller than this many bytes show no progress bar. */
    public long progressThreshold;
    /** For printing; null prints Kubo's default form. */
    public Multibase cidBase;

    /** An independent copy (the ignore list included). */
    public ImportOptions copy() {
        ImportOptions c = new ImportOptions();
        c.chunker = chunker;
        c.trickle = trickle;
        c.cidVersion = cidVersion;
        c.rawLeaves = rawLeaves;
        c.hash = hash;
        c.inline = inline;
        c.inlineLimit = inlineLimit;
        c.maxLinks = maxLinks;
        c.hamtThreshold = hamtThreshold;
        c.hamtFanout = hamtFanout;
        c.wrap = wrap;
        c.recursive = recursive;
        c.hidden = hidden;
        c.ignore = new ArrayList<>(ignore);
        c.ignoreRulesPath = ignoreRulesPath;
        c.onlyHash = onlyHash;
        c.pin = pin;
        c.preserveMode = preserveMode;
        c.preserveMtime = preserveMtime;
        c.mode = mode;
        c.mtime = mtime;
        c.mtimeNsecs = mtimeNsecs;
        c.progressThreshold = progressThreshold;
        c.cidBase = cidBase;
        return c;
    }

    /** The effective settings after Kubo's rules; throws IllegalArgumentException on contradictions. */
    public Resolved resolve() {
        int version;
        if (hash != HashType.SHA2_256) {
            if (cidVersion != null && cidVersion == 0) {
                throw new IllegalArgumentException("CIDv0 only supports sha2-256");
            }
            version = 1;
        } else {
            version = cidVersion == null ? 0 : cidVersion;
        }
        if (version != 0 && version != 1) {
            throw new IllegalArgumentException("unknown CID version: " + version);
        }
        if (hash == HashType.IDENTITY) {
            throw new IllegalArgumentException("identity is not usable as --hash; use --inline");
        }
        boolean raw;
        boolean attrs = preserveMode || preserveMtime || mode != 0 || mtime != 0;
        if (attrs) {
            if (Boolean.TRUE.equals(rawLeaves)) {
                throw new IllegalArgumentException("raw-leaves can't be used with UnixFS metadata like mode or modification time");
            }
            raw = false;
        } else {
            raw = rawLeaves != null ? rawLeaves : version > 0;
        }
        if (mtime == 0 && mtimeNsecs != 0) {
            throw new IllegalArgumentException("option \"mtime-nsecs\" requires \"mtime\" to be provided as well");
        }
        if (inline && inlineLimit > 128) {
            throw new IllegalArgumentException("inline-limit " + inlineLimit + " exceeds maximum allowed size of 128 bytes");
        }
        if (maxLinks < 2) {
            throw new IllegalArgumentException("max-file-links must be at least 2");
        }
        Chunker.Factory chunks = Chunkers.parse(chunker);
        return new Resolved(this, version, raw, chunks, new CidMaker(version, hash, inline, inlineLimit),
                preserveMode && mode == 0, preserveMtime && mtime == 0);
    }

    /** Settings after Kubo's rules. */
    public record Resolved(ImportOptions options, int cidVersion, boolean rawLeaves, Chunker.Factory chunker, CidMaker cids,
                           boolean preserveMode, boolean preserveMtime) {
    }
}
