package frontier.magics.ome;

import frontier.display.Displayable;
import frontier.magics.ExitStatus;
import frontier.ome.ValidationReport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ome_zarr validate}'s verdict. Plain: VALID or INVALID with one line per finding (file, JSON
 * path, what is wrong), and the CLI exits 1 when invalid. With --json: the conformance harness's
 * {"valid": ..., "message": ...} on stdout, and exit 0 either way (the verdict is in the JSON).
 */
public final class OmeValidateResult implements Displayable, ExitStatus {
    private final ValidationReport report;
    private final boolean json;

    OmeValidateResult(ValidationReport report, boolean json) {
        this.report = report;
        this.json = json;
    }

    public ValidationReport report() {
        return report;
    }

    public boolean valid() {
        return report.valid();
    }

    @Override
    public int exitStatus() {
        return json || report.valid() ? 0 : 1;
    }

    @Override
    public String toString() {
        if (!json) return report.toString();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(report.toJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, Object> mimeBundle() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text/plain", toString());
        m.put("application/json", report.toJson());
        return m;
    }
}
