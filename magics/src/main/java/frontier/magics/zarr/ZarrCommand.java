package frontier.magics.zarr;

import frontier.magics.HttpTimeoutOption;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import frontier.magics.TextResult;
import frontier.ome.ArrayStats;
import frontier.ome.ZarrStat;
import frontier.text.IoMessages;
import frontier.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** {@code frontier zarr stat PATH_OR_URL [--path ARRAY]}: one JSON line per array, to compare copies. */
@Command(name = "zarr", mixinStandardHelpOptions = true,
        description = "Zarr arrays: stat (shape, dtype, chunks, min, max, sum and sha256 of the values).",
        subcommands = {ZarrCommand.Stat.class})
public final class ZarrCommand implements Magic {
    @Override
    public void setContext(MagicContext context) {
    }

    @Override
    public Object call() {
        throw new MagicException("a subcommand is needed: stat (e.g. frontier zarr stat images/6001240.zarr)");
    }

    @Command(name = "stat", mixinStandardHelpOptions = true,
            description = {"Print one JSON object per array: path, shape, dtype, chunks, min, max, sum, and the sha256 of the values as C-order little-endian bytes.",
                    "Equal lines mean equal arrays, whatever the chunking, compression or byte order of the copies."})
    public static final class Stat implements Magic {
        @Parameters(index = "0", paramLabel = "PATH_OR_URL", description = "A Zarr array or group: a local path or a URL.")
        String location;

        @Option(names = "--path", paramLabel = "ARRAY", description = "Only the array (or the arrays of the group) at this path inside.")
        String path;

        @picocli.CommandLine.Mixin
        HttpTimeoutOption timeout = new HttpTimeoutOption();

        @picocli.CommandLine.Mixin
        frontier.magics.StoreOption store = new frontier.magics.StoreOption();

        private MagicContext context;

        @Override
        public void setContext(MagicContext context) {
            this.context = context;
        }

        @Override
        public TextResult call() {
            String loc = location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? location : context.cwd().resolve(location).toString();
            try (var t = timeout.apply()) {
                List<ArrayStats> stats = ZarrStat.stat(loc, path, store.options());
                if (stats.isEmpty()) throw new MagicException("no arrays found in " + TerminalText.escape(location));
                return new TextResult(stats.stream().map(ArrayStats::toJsonLine).collect(Collectors.joining("\n")));
            } catch (IOException e) {
                throw new MagicException(TerminalText.escape(IoMessages.describe(e)), e);
            } catch (IllegalArgumentException e) {
                throw new MagicException(TerminalText.escape(String.valueOf(e.getMessage())), e);
            }
        }
    }
}
