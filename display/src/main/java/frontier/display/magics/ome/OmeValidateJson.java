package frontier.display.magics.ome;

import frontier.magics.ome.OmeValidateResult;

import java.util.Map;

/** {@code ome_zarr validate} in a notebook: its text, and the report as JSON. */
public final class OmeValidateJson {
    private OmeValidateJson() {
    }

    public static void render(OmeValidateResult r, Map<String, Object> bundle) {
        bundle.put("text/plain", r.toString());
        bundle.put("application/json", r.report().toJson());
    }
}
