package frontier.display.magics.core;

import frontier.magics.core.MavenResolver;
import frontier.magics.core.ResolvedArtifacts;

import java.util.Map;

import static frontier.text.Html.escape;

/** {@code %maven} in a notebook: the heading and a table of artifacts and their jars. */
public final class ResolvedArtifactsHtml {
    private ResolvedArtifactsHtml() {
    }

    public static void render(ResolvedArtifacts r, Map<String, Object> bundle) {
        bundle.put("text/plain", r.toString());
        bundle.put("text/html", html(r));
    }

    public static String html(ResolvedArtifacts r) {
        StringBuilder h = new StringBuilder("<div class=\"frontier-maven\">").append(escape(r.heading()))
                .append("<table><thead><tr><th style=\"text-align:left\">artifact</th><th style=\"text-align:left\">jar</th></tr></thead><tbody>");
        for (MavenResolver.Resolved a : r.artifacts()) {
            h.append("<tr><td style=\"text-align:left\"><code>").append(escape(a.coordinates()))
                    .append("</code></td><td style=\"text-align:left\"><code>").append(escape(String.valueOf(a.file())))
                    .append("</code></td></tr>");
        }
        return h.append("</tbody></table></div>").toString();
    }
}
