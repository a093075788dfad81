package frontier.magics.core;

import frontier.text.Html;
import frontier.display.Displayable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What %maven returns: each resolved artifact and its jar in the local repository. */
public final class ResolvedArtifacts implements Displayable {
    private final String heading;
    private final List<MavenResolver.Resolved> artifacts;

    public ResolvedArtifacts(String heading, List<MavenResolver.Resolved> artifacts) {
        this.heading = heading;
        this.artifacts = List.copyOf(artifacts);
    }

    public List<MavenResolver.Resolved> artifacts() {
        return artifacts;
    }

    @Override
    public Map<String, Object> mimeBundle() {
        StringBuilder h = new StringBuilder("<div class=\"frontier-maven\">").append(Html.escape(heading))
                .append("<table><thead><tr><th style=\"text-align:left\">artifact</th><th style=\"text-align:left\">jar</th></tr></thead><tbody>");
        for (MavenResolver.Resolved a : artifacts) {
            h.append("<tr><td style=\"text-align:left\"><code>").append(Html.escape(a.coordinates()))
                    .append("</code></td><td style=\"text-align:left\"><code>").append(Html.escape(String.valueOf(a.file())))
                    .append("</code></td></tr>");
        }
        h.append("</tbody></table></div>");
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", h.toString());
        return bundle;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(heading);
        int width = artifacts.stream().mapToInt(a -> a.coordinates().length()).max().orElse(0);
        for (MavenResolver.Resolved a : artifacts) {
            b.append("\n  ").append(a.coordinates()).append(" ".repeat(width - a.coordinates().length()))
                    .append("  ").append(a.file());
        }
        return b.toString();
    }
}
