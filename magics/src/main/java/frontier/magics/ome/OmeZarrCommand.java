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
        description = "OME-Zarr images: info (metadata, pyramid levels) and download (byte-for-byte copy with labels and masks).",
        subcommands = {OmeZarrCommand.Info.class, OmeZarrCommand.Download.class})
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
        throw new MagicException("a subcommand is needed: info or download (e.g. %ome_zarr info URL)");
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
}
