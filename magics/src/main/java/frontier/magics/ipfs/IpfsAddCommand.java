package frontier.magics.ipfs;

import frontier.ipfs.AddOptions;
import frontier.ipfs.Ipfs;
import frontier.ipfs.cid.HashType;
import frontier.ipfs.cid.Multibase;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.ImportResult;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import frontier.progress.ProgressSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ipfs add} with Kubo's flags and output: {@link Ipfs#add} on the node the one rule chooses
 * (a daemon that answers, else the embedded node's block store, {@code $FRONTIER_IPFS_PATH},
 * default {@code ~/.frontier/ipfs}); with {@code -n} nothing is stored.
 */
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Add a file or directory to IPFS (Kubo's DAG, CIDs and output for the same flags).")
public final class IpfsAddCommand implements Magic {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "The path(s) to add.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-r", "--recursive"}, description = "Add directory paths recursively.")
    boolean recursive;
    @Option(names = {"-H", "--hidden"}, description = "Include files that are hidden. Only takes effect on recursive add.")
    boolean hidden;
    @Option(names = "--ignore", paramLabel = "RULE", description = "A rule (.gitignore-style) defining which file(s) should be ignored (repeatable).")
    List<String> ignore = new ArrayList<>();
    @Option(names = "--ignore-rules-path", paramLabel = "FILE", description = "A path to a file with .gitignore-style ignore rules.")
    String ignoreRulesPath;
    @Option(names = {"-q", "--quiet"}, description = "Write minimal output.")
    boolean quiet;
    @Option(names = {"-Q", "--quieter"}, description = "Write only final hash.")
    boolean quieter;
    @Option(names = "--silent", description = "Write no output.")
    boolean silent;
    @Option(names = {"-p", "--progress"}, arity = "0..1", fallbackValue = "true", description = "Stream progress data.")
    Boolean progress;
    @Option(names = {"-n", "--only-hash"}, description = "Only chunk and hash - do not write to disk.")
    boolean onlyHash;
    @Option(names = {"-w", "--wrap-with-directory"}, description = "Wrap files with a directory object.")
    boolean wrap;
    @Option(names = "--pin", arity = "0..1", fallbackValue = "true", defaultValue = "true",
            description = "Pin locally to protect added files from garbage collection. Default: true.")
    boolean pin;
    @Option(names = {"-s", "--chunker"}, paramLabel = "CHUNKER", description = "Chunking algorithm, size-[bytes], rabin-[min]-[avg]-[max] or buzhash. Default: size-262144.")
    String chunker = "size-262144";
    @Option(names = {"-t", "--trickle"}, description = "Use trickle-dag format for dag generation.")
    boolean trickle;
    @Option(names = "--raw-leaves", arity = "0..1", fallbackValue = "true", description = "Use raw blocks for leaf nodes (default: true for CIDv1).")
    Boolean rawLeaves;
    @Option(names = "--cid-version", paramLabel = "N", description = "CID version (0 or 1). CIDv1 enables raw-leaves by default.")
    Integer cidVersion;
    @Option(names = "--hash", paramLabel = "NAME", description = "Hash function: sha2-256 (default), sha2-512, blake2b-256, blake3. Implies CIDv1 if not sha2-256.")
    String hash = "sha2-256";
    @Option(names = "--inline", description = "Inline small blocks into CIDs.")
    boolean inline;
    @Option(names = "--inline-limit", paramLabel = "N", defaultValue = "32", description = "Maximum block size to inline. Default: 32.")
    int inlineLimit;
    @Option(names = "--max-file-links", paramLabel = "N", description = "Maximum links per file node. Default: 174.")
    Integer maxFileLinks;
    @Option(names = "--max-hamt-fanout", paramLabel = "N", description = "HAMT directory fanout (power of 2, multiple of 8). Default: 256.")
    Integer maxHamtFanout;
    @Option(names = "--preserve-mode", description = "Apply existing POSIX permissions to created UnixFS entries.")
    boolean preserveMode;
    @Option(names = "--preserve-mtime", description = "Apply existing POSIX modification time to created UnixFS entries.")
    boolean preserveMtime;
    @Option(names = "--mode", paramLabel = "MODE", description = "Custom POSIX file mode to store (octal with a leading 0, e.g. 0644).")
    String mode;
    @Option(names = "--mtime", paramLabel = "SECONDS", description = "Custom POSIX modification time to store (seconds since the Unix epoch).")
    long mtime;
    @Option(names = "--mtime-nsecs", paramLabel = "NANOS", description = "Custom modification time fraction in nanoseconds.")
    int mtimeNsecs;
    @Option(names = "--cid-base", paramLabel = "BASE", description = "Multibase encoding for CIDs in output (base32, base58btc, base36, ...). CIDv0 becomes CIDv1 for bases other than base58btc.")
    String cidBase;

    @Mixin
    IpfsNodeChoice choice = new IpfsNodeChoice();

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public IpfsAddResult call() {
        AddOptions o = AddOptions.of(options());
        boolean showProgress = progress != null ? progress : !(quiet || quieter || silent);
        ProgressSink sink = showProgress && context != null ? context.progress() : ProgressSink.NONE;
        Path cwd = context == null ? Path.of("").toAbsolutePath() : context.cwd();
        Ipfs ipfs = choice.select();
        ImportResult r;
        try {
            r = ipfs.add(paths.stream().map(p -> IpfsCommands.local(cwd, p)).toList(), o, sink);
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        } catch (RuntimeException e) {
            throw IpfsCommands.fail(e);
        }
        String node = onlyHash ? "none (--only-hash)" : ipfs.describe();
        return new IpfsAddResult(r, silent ? "" : r.kuboText(quiet, quieter), node, o.pinning());
    }

    ImportOptions options() {
        ImportOptions o = new ImportOptions();
        o.recursive = recursive;
        o.hidden = hidden;
        o.ignore = ignore;
        o.ignoreRulesPath = ignoreRulesPath;
        o.onlyHash = onlyHash;
        o.wrap = wrap;
        o.pin = pin;
        o.chunker = chunker;
        o.trickle = trickle;
        o.rawLeaves = rawLeaves;
        o.cidVersion = cidVersion;
        o.inline = inline;
        o.inlineLimit = inlineLimit;
        o.preserveMode = preserveMode;
        o.preserveMtime = preserveMtime;
        o.mtime = mtime;
        o.mtimeNsecs = mtimeNsecs;
        o.progressThreshold = 8L << 20;
        if (maxFileLinks != null) {
            o.maxLinks = maxFileLinks;
        }
        if (maxHamtFanout != null) {
            o.hamtFanout = maxHamtFanout;
        }
        try {
            o.hash = HashType.byName(hash);
            o.cidBase = cidBase == null ? null : Multibase.byName(cidBase);
            o.mode = mode == null ? 0 : parseMode(mode);
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage(), e);
        }
        return o;
    }

    /** Kubo reads --mode as an unsigned integer with Go's base prefixes: 0644 is octal, 0x1a4 hex. */
    static int parseMode(String s) {
        try {
            long v = Long.decode(s);
            if (v < 0 || v > 0xFFFFFFFFL) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid --mode '" + s + "': expected an octal mode such as 0644");
        }
    }
}
