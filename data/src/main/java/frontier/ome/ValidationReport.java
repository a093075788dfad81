package frontier.ome;

import frontier.text.TerminalText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code ome_zarr validate}: the findings (each with the file and the JSON path at
 * fault), the NGFF version the data declares, and the documents checked. Valid when nothing was found.
 */
public final class ValidationReport {
    /** One rule the metadata breaks: where (a file or URL), the JSON path in it, and what is wrong. */
    public record Finding(String file, String jsonPath, String message) {
        @Override
        public String toString() {
            return file + ": " + jsonPath + ": " + message;
        }
    }

    private final String target;
    private final String version;
    private final List<Finding> findings;
    private final List<String> checked;
    private final boolean strict;

    ValidationReport(String target, String version, List<Finding> findings, List<String> checked, boolean strict) {
        this.target = target;
        this.version = version;
        this.findings = List.copyOf(findings);
        this.checked = List.copyOf(checked);
        this.strict = strict;
    }

    public boolean valid() {
        return findings.isEmpty();
    }

    public String target() {
        return target;
    }

    /** The NGFF version the data declares (the one whose rules were applied). */
    public String version() {
        return version;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** The metadata documents checked, in order. */
    public List<String> checked() {
        return checked;
    }

    /** One line per finding, or a line saying what was checked; names from the data are escaped. */
    public String message() {
        if (valid()) {
            return "valid NGFF " + version + (strict ? " (strict)" : "") + ": " + checked.size() + " metadata document"
                    + (checked.size() == 1 ? "" : "s") + " checked";
        }
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) sb.append(sb.length() > 0 ? "\n" : "").append(f);
        return sb.toString();
    }

    /** The conformance harness's form: {"valid": true|false, "message": "..."}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", valid());
        m.put("message", message());
        return m;
    }

    @Override
    public String toString() {
        String head = valid() ? "VALID " : "INVALID ";
        return head + TerminalText.escape(target) + " (NGFF " + version + (strict ? ", strict" : "") + ")"
                + (valid() ? ": " + checked.size() + " metadata document" + (checked.size() == 1 ? "" : "s") + " checked"
                : ", " + findings.size() + " finding" + (findings.size() == 1 ? "" : "s") + ":\n" + escapedFindings());
    }

    private String escapedFindings() {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) sb.append(sb.length() > 0 ? "\n" : "").append(TerminalText.escape(f.toString()));
        return sb.toString();
    }
}
