package frontier.display.magics.core;

import frontier.magics.core.DirectoryListing;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import static frontier.text.Html.escape;

/** {@code %ls} in a notebook: a table of names (directories end in /), with mode, size and time in the long form. */
public final class DirectoryListingHtml {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);

    private DirectoryListingHtml() {
    }

    public static void render(DirectoryListing l, Map<String, Object> bundle) {
        bundle.put("text/plain", l.toString());
        bundle.put("text/html", html(l));
    }

    public static String html(DirectoryListing l) {
        StringBuilder h = new StringBuilder();
        h.append("<table class=\"frontier-ls\">");
        if (l.longForm()) {
            h.append("<thead><tr><th style=\"text-align:left\">mode</th><th>size</th>"
                    + "<th style=\"text-align:left\">modified</th><th style=\"text-align:left\">name</th></tr></thead>");
        }
        h.append("<tbody>");
        for (DirectoryListing.Entry e : l.entries()) {
            String name = escape(e.name()) + (e.isDirectory() && !e.name().equals(".") && !e.name().equals("..") ? "/" : "");
            if (e.linkTarget() != null) {
                name += " &rarr; " + escape(e.linkTarget());
            }
            h.append("<tr>");
            if (l.longForm()) {
                h.append("<td style=\"text-align:left;font-family:monospace\">").append(e.type()).append(e.mode()).append("</td>")
                        .append("<td style=\"text-align:right\">").append(e.size()).append("</td>")
                        .append("<td style=\"text-align:left\">").append(ISO.format(e.modified().atZone(ZoneId.systemDefault()))).append("</td>");
            }
            h.append("<td style=\"text-align:left;font-family:monospace\">").append(name).append("</td></tr>");
        }
        return h.append("</tbody></table>").toString();
    }
}
