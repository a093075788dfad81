package frontier.ipfs;

import frontier.ipfs.cid.HashType;
import frontier.ipfs.cid.Multibase;
import frontier.ipfs.importer.ImportOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The settings of {@link Ipfs#add}, named after Kubo's {@code ipfs add} flags and with Kubo's
 * defaults. Immutable: each method returns a changed copy, so settings read like the command line.
 * The tutorial's {@code ipfs add -r --hidden -s size-1000000 --raw-leaves --cid-version 1 -w}:
 * <pre>
 * var flags = AddOptions.defaults().recursive().hidden().chunker("size-1000000").rawLeaves(true).cidVersion(1).wrapWithDirectory();
 * var added = Ipfs.embedded().add(Path.of("images/6001240.zarr"), flags);
 * added.root()   // the CID Kubo prints for the same folder and flags
 * </pre>
 */
public final class AddOptions {
    private final ImportOptions o;

    private AddOptions(ImportOptions o) {
        this.o = o;
    }

    /** Kubo's defaults: CIDv0, size-262144 chunks, balanced DAG, pinned. */
    public static AddOptions defaults() {
        ImportOptions o = new ImportOptions();
        o.progressThreshold = 8L << 20; // a bar only for adds that take a moment
        return new AddOptions(o);
    }

    /** All of the importer's settings at once (copied), for what the methods below do not name. */
    public static AddOptions of(ImportOptions options) {
        return new AddOptions(options.copy());
    }

    /** The importer's settings (a copy). */
    public ImportOptions toImportOptions() {
        return o.copy();
    }

    private AddOptions with(Consumer<ImportOptions> change) {
        ImportOptions c = o.copy();
        change.accept(c);
        return new AddOptions(c);
    }

    /** {@code -r}: add directories recursively. */
    public AddOptions recursive() {
        return with(x -> x.recursive = true);
    }

    /** {@code -H / --hidden}: include files whose names start with a dot. */
    public AddOptions hidden() {
        return with(x -> x.hidden = true);
    }

    /** {@code -s}: size-N, rabin-MIN-AVG-MAX or buzhash. */
    public AddOptions chunker(String spec) {
        return with(x -> x.chunker = spec);
    }

    /** {@code --raw-leaves}. */
    public AddOptions rawLeaves(boolean raw) {
        return with(x -> x.rawLeaves = raw);
    }

    /** {@code --cid-version} (0 or 1; 1 turns raw leaves on unless told otherwise). */
    public AddOptions cidVersion(int version) {
        return with(x -> x.cidVersion = version);
    }

    /** {@code -w}: wrap the added paths in a directory (whose CID is then the root). */
    public AddOptions wrapWithDirectory() {
        return with(x -> x.wrap = true);
    }

    /** {@code --hash}: sha2-256 (default), sha2-512, blake2b-256, blake3. */
    public AddOptions hash(String name) {
        HashType t = HashType.byName(name);
        return with(x -> x.hash = t);
    }

    /** {@code -t}: a trickle DAG. */
    public AddOptions trickle() {
        return with(x -> x.trickle = true);
    }

    /** {@code -n}: only chunk and hash, store nothing. */
    public AddOptions onlyHash() {
        return with(x -> x.onlyHash = true);
    }

    /** {@code --pin} (default true). */
    public AddOptions pin(boolean pin) {
        return with(x -> x.pin = pin);
    }

    /** {@code --inline --inline-limit N}: blocks of at most N bytes become identity CIDs. */
    public AddOptions inline(int limit) {
        return with(x -> {
            x.inline = true;
            x.inlineLimit = limit;
        });
    }

    /** {@code --cid-base}: how CIDs are printed (base32, base58btc, base36, ...). */
    public AddOptions cidBase(String base) {
        Multibase b = Multibase.byName(base);
        return with(x -> x.cidBase = b);
    }

    /** {@code --ignore RULE}: .gitignore-style rules (repeatable). */
    public AddOptions ignore(String... rules) {
        return with(x -> x.ignore.addAll(List.of(rules)));
    }

    public boolean onlyHashing() {
        return o.onlyHash;
    }

    public boolean pinning() {
        return o.pin && !o.onlyHash;
    }

    public boolean includesHidden() {
        return o.hidden;
    }

    /**
     * The flags as Kubo's RPC API takes them on {@code /api/v0/add} (hidden files and ignore rules
     * are the client's business: they decide which files are sent).
     */
    public Map<String, String> rpcQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        if (o.cidVersion != null) q.put("cid-version", o.cidVersion.toString());
        if (o.rawLeaves != null) q.put("raw-leaves", o.rawLeaves.toString());
        q.put("chunker", o.chunker);
        if (o.hash != HashType.SHA2_256) q.put("hash", o.hash.hashName());
        if (o.trickle) q.put("trickle", "true");
        if (o.onlyHash) q.put("only-hash", "true");
        if (o.wrap) q.put("wrap-with-directory", "true");
        q.put("pin", Boolean.toString(o.pin));
        if (o.inline) {
            q.put("inline", "true");
            q.put("inline-limit", Integer.toString(o.inlineLimit));
        }
        if (o.preserveMode) q.put("preserve-mode", "true");
        if (o.preserveMtime) q.put("preserve-mtime", "true");
        if (o.mode != 0) q.put("mode", "0" + Integer.toOctalString(o.mode));
        if (o.mtime != 0) q.put("mtime", Long.toString(o.mtime));
        if (o.mtimeNsecs != 0) q.put("mtime-nsecs", Integer.toString(o.mtimeNsecs));
        return q;
    }

    /** The Kubo command-line flags these settings stand for, e.g. {@code -r --hidden -s size-1000000 --cid-version 1 -w}. */
    @Override
    public String toString() {
        List<String> f = new ArrayList<>();
        if (o.recursive) f.add("-r");
        if (o.hidden) f.add("--hidden");
        for (String rule : o.ignore) f.add("--ignore " + rule);
        if (!o.chunker.equals(new ImportOptions().chunker)) f.add("-s " + o.chunker);
        if (o.rawLeaves != null) f.add(o.rawLeaves ? "--raw-leaves" : "--raw-leaves=false");
        if (o.cidVersion != null) f.add("--cid-version " + o.cidVersion);
        if (o.hash != HashType.SHA2_256) f.add("--hash " + o.hash.hashName());
        if (o.trickle) f.add("-t");
        if (o.wrap) f.add("-w");
        if (o.onlyHash) f.add("-n");
        if (!o.pin) f.add("--pin=false");
        if (o.inline) f.add("--inline --inline-limit " + o.inlineLimit);
        if (o.cidBase != null) f.add("--cid-base " + o.cidBase.multibaseName());
        return String.join(" ", f);
    }
}
