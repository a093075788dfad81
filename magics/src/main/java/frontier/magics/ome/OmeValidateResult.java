package frontier.magics.ome;

import frontier.magics.ExitStatus;
import frontier.ome.ValidationReport;

/**
 * {@code ome_zarr validate}'s verdict. Plain: VALID or INVALID with one line per finding (file, JSON
 * path, what is wrong), and the CLI exits 1 when invalid. With --json: the conformance harness's
 * {"valid": ..., "message": ...} on stdout, and exit 0 either way (the verdict is in the JSON).
 * A notebook shows the text and gets the report as JSON (the display module's renderer).
 */
public final class OmeValidateResult implements ExitStatus {
    private final ValidationReport report;
    private final boolean json;

    public OmeValidateResult(ValidationReport report, boolean json) {
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
}
