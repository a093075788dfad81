package frontier.magics.core;

import frontier.display.Displayable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;

/** What %lsmagic returns: the names of the line and cell magics (text, and JSON as IPython gives). */
public final class MagicListing implements Displayable {
    private final List<String> lineMagics;
    private final List<String> cellMagics;

    public MagicListing(SortedSet<String> lineMagics, SortedSet<String> cellMagics) {
        this.lineMagics = List.copyOf(lineMagics);
        this.cellMagics = List.copyOf(cellMagics);
    }

    public List<String> lineMagics() {
        return lineMagics;
    }

    public List<String> cellMagics() {
        return cellMagics;
    }

    @Override
    public Map<String, Object> mimeBundle() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", lineMagics);
        json.put("cell", cellMagics);
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("application/json", json);
        return bundle;
    }

    @Override
    public String toString() {
        return "Available line magics:\n"
                + lineMagics.stream().map(n -> "%" + n).collect(Collectors.joining("  "))
                + "\n\nAvailable cell magics:\n"
                + cellMagics.stream().map(n -> "%%" + n).collect(Collectors.joining("  "));
    }
}
