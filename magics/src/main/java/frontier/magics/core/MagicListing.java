package frontier.magics.core;

import java.util.List;
import java.util.stream.Collectors;

/** What %lsmagic returns: the names of the line and cell magics (the kernel adds IPython's JSON form). */
public record MagicListing(List<String> lineMagics, List<String> cellMagics) {
    public MagicListing {
        lineMagics = List.copyOf(lineMagics);
        cellMagics = List.copyOf(cellMagics);
    }

    @Override
    public String toString() {
        return "Available line magics:\n"
                + lineMagics.stream().map(n -> "%" + n).collect(Collectors.joining("  "))
                + "\n\nAvailable cell magics:\n"
                + cellMagics.stream().map(n -> "%%" + n).collect(Collectors.joining("  "));
    }
}
