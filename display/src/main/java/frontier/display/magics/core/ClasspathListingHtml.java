package frontier.display.magics.core;

import frontier.magics.core.ClasspathListing;

import java.util.Map;
import java.util.stream.Collectors;

import static frontier.text.Html.escape;

/** {@code %classpath} in a notebook: the heading and a list of the entries. */
public final class ClasspathListingHtml {
    private ClasspathListingHtml() {
    }

    public static void render(ClasspathListing l, Map<String, Object> bundle) {
        bundle.put("text/plain", l.toString());
        bundle.put("text/html", html(l));
    }

    public static String html(ClasspathListing l) {
        return "<div class=\"frontier-classpath\">" + escape(l.heading()) + "<ul>"
                + l.entries().stream().map(e -> "<li><code>" + escape(e.toString()) + "</code></li>").collect(Collectors.joining())
                + "</ul></div>";
    }
}
