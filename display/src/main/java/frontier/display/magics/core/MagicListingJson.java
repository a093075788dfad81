package frontier.display.magics.core;

import frontier.magics.core.MagicListing;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code %lsmagic} in a notebook: the text, and the JSON IPython's %lsmagic gives ({"line": [...], "cell": [...]}). */
public final class MagicListingJson {
    private MagicListingJson() {
    }

    public static void render(MagicListing l, Map<String, Object> bundle) {
        bundle.put("text/plain", l.toString());
        bundle.put("application/json", json(l));
    }

    public static Map<String, Object> json(MagicListing l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", l.lineMagics());
        json.put("cell", l.cellMagics());
        return json;
    }
}
