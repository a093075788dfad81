package frontier.magics.ome;

import frontier.magics.HttpTimeoutOption;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import frontier.magics.StoreOption;
import frontier.ome.DownloadReport;
import frontier.ome.OmeDownload;
import frontier.ome.OmeInfo;
import frontier.ome.OmeZarr;
import frontier.progress.ProgressSink;
import frontier.text.IoMessages;
import frontier.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code %ome_zarr info URL [--stats]} and {@code %ome_zarr download URL [--output DIR]}, with
 * ome-zarr-py's flags and text; the results render richly in a notebook.
 */
@Command(name = "ome_zarr", mixinStandardHelpOptions = true,
        description = "OME-Zarr images: info (metadata, pyramid levels), download (byte-for-byte copy with labels and masks), "
                + "validate (NGFF schemas and rules) and convert (NGFF 0.1-0.4 to 0.5 on Zarr v3).",
        subcommands = {OmeZarrCommand.Info.class, OmeZarrCommand.Download.class, OmeZarrCommand.Validate.class, OmeZarrCommand.Convert.class})
public final class OmeZarrCommand implements Magic {
    @Option(names = "-v", description = "More messages (warnings about the metadata).")
    boolean[] verbose = new boolean[0];

    @Option(names = "-q", description = "Fewer messages.")
    boolean[] quiet = new boolean[0];

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public Object call() {
        throw new MagicException("a subcommand is needed: info, download, validate or convert (e.g. %ome_zarr info URL)");
    }

    /** A path stays relative to the magic's working directory; a URL is left alone. */
    static String resolve(MagicContext ctx, String location) {
        if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) return location;
        return ctx.cwd().resolve(location).toString();
    }

    /**
     * The message of a failure, for a user: OmeException's name the URL or file and say what is wrong;
     * file system errors get their reason ("permission denied"); names from the data are escaped.
     */
    static MagicException userError(IOException e) {
        return new MagicException(TerminalText.escape(IoMessages.describe(e)), e);
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print an OME-Zarr image's nodes, metadata and pyramid levels (ome-zarr-py's text).")
    public static final class Info implements Magic {
        @Parameters(index = "0", paramLabel = "PATH", description = "A URL or a local path of an OME-Zarr group.")
        String path;

        @Option(names = "--stats", description = "Read every level and print its min and max.")
        boolean stats;

        @picocli.CommandLine.Mixin
        HttpTimeoutOption timeout = new HttpTimeoutOption();

        @picocli.CommandLine.Mixin
        StoreOption store = new StoreOption();

        @picocli.CommandLine.ParentCommand
        OmeZarrCommand parent;

        private MagicContext context;

        @Override
        public void setContext(MagicContext context) {
            this.context = context;
        }

        @Override
        public OmeInfo call() {
            try (var t = timeout.apply()) {
                OmeInfo info = OmeZarr.info(resolve(context, path), stats, store.options());
                if (parent == null || parent.quiet.length == 0) {
                    for (String w : info.warnings()) context.err().println("WARNING " + TerminalText.escape(w));
                }
                return info;
            } catch (IOException e) {
                throw userError(e);
            }
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Download an OME-Zarr image with its pyramid levels, labels and masks, byte for byte, to DIR/NAME.zarr.")
    public static final class Download implements Magic {
        @Parameters(index = "0", paramLabel = "PATH", description = "A URL or a local path of an OME-Zarr image.")
        String path;

        @Option(names = "--output", paramLabel = "DIR", defaultValue = ".", description = "The folder to download into (default: ${DEFAULT-VALUE}).")
        String output;

        @Option(names = "--verify", description = {"Compare chunk files a previous run left byte for byte with the source's (each is fetched again) and rewrite those that differ.",
                "Without it they are kept when the source has them at the same size; others are fetched again."})
        boolean verify;

        @picocli.CommandLine.Mixin
        HttpTimeoutOption timeout = new HttpTimeoutOption();

        @picocli.CommandLine.Mixin
        StoreOption store = new StoreOption();

        private MagicContext context;

        @Override
        public void setContext(MagicContext context) {
            this.context = context;
        }

        @Override
        public DownloadReport call() {
            Path dir = context.cwd().resolve(output);
            ProgressSink sink = context.progress() != null ? context.progress() : ProgressSink.current();
            try (var t = timeout.apply()) {
                return new OmeDownload(resolve(context, path), dir).displayDir(output).output(context.out()).progress(sink)
                        .verify(verify).storeOptions(store.options()).run();
            } catch (IOException e) {
                throw userError(e);
            } catch (IllegalArgumentException e) {
                throw new MagicException(TerminalText.escape(e.getMessage()), e);
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check an OME-Zarr group's metadata against the NGFF JSON schemas of the version it declares (0.4, 0.5, 0.6rc0)"
                    + " or, for 0.1-0.3, the rules of their spec text; and, unless --metadata-only, what the schemas cannot express"
                    + " (datasets present with as many dimensions as axes, dimension_names, scale lengths, label and plate paths).",
                    "Exit status: 0 valid, 1 invalid (0 either way with --json), 2 when it could not check at all."})
    public static final class Validate implements Magic {
        @Parameters(index = "0", paramLabel = "TARGET", description = "A group (folder or URL) or a JSON file holding a group's attributes (or its zarr.json).")
        String target;

        @Option(names = "--strict", description = "Also the spec's SHOULD rules: the strict schemas (strict_image.schema, ...) where the version has them.")
        boolean strict;

        @Option(names = "--metadata-only", description = "Check the target's metadata document only: no arrays, labels, wells or images are read.")
        boolean metadataOnly;

        @Option(names = "--json", description = "Print {\"valid\": true|false, \"message\": \"...\"} (the NGFF conformance harness's form) and exit 0 either way.")
        boolean json;

        private MagicContext context;

        @Override
        public void setContext(MagicContext context) {
            this.context = context;
        }

        @Override
        public OmeValidateResult call() {
            try {
                return new OmeValidateResult(new frontier.ome.NgffValidator(strict, metadataOnly).validate(resolve(context, target)), json);
            } catch (IOException e) {
                throw userError(e);
            }
        }
    }

    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = "Write an NGFF 0.1-0.4 image (Zarr v2), with its labels, masks, plate wells and field images, as an NGFF 0.5 image on Zarr v3 at DST.")
    public static final class Convert implements Magic {
        @Parameters(index = "0", paramLabel = "SRC", description = "The image: a folder or a URL.")
        String source;

        @Parameters(index = "1", paramLabel = "DST", description = "The folder to create (it must not exist).")
        String target;

        @Option(names = "--ngff", required = true, paramLabel = "VERSION", description = "The NGFF version to write: 0.5.")
        String ngff;

        @Option(names = "--chunks-per-shard", split = ",", paramLabel = "N", description = "Shard the arrays: this many chunks per shard along each axis (e.g. 1,1,236,1,1).")
        int[] chunksPerShard;

        private MagicContext context;

        @Override
        public void setContext(MagicContext context) {
            this.context = context;
        }

        @Override
        public frontier.ome.convert.ConvertReport call() {
            if (!"0.5".equals(ngff)) throw new MagicException("--ngff " + TerminalText.escape(ngff) + ": only 0.5 can be written");
            try {
                return new frontier.ome.convert.NgffConverter(resolve(context, source), context.cwd().resolve(target))
                        .chunksPerShard(chunksPerShard).run();
            } catch (IOException e) {
                throw userError(e);
            } catch (IllegalArgumentException e) {
                throw new MagicException(TerminalText.escape(e.getMessage()), e);
            }
        }
    }
}
