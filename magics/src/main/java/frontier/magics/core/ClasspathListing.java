package frontier.magics.core;

import frontier.text.Html;
import frontier.display.Displayable;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What %classpath returns: the entries it added, or the session's whole added classpath. */
public final class ClasspathListing implements Displayable {
    private final String heading;
    private final List<Path> entries;

    public ClasspathListing(String heading, List<Path> entries) {
        this.heading = heading;
        this.entries = List.copyOf(entries);
    }

    public List<Path> entries() {
        return entries;
    }

    @Override
    public Map<String, Object> mimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", "<div class=\"frontier-classpath\">" + Html.escape(heading) + "<ul>"
                + entries.stream().map(e -> "<li><code>" + Html.escape(e.toString()) + "</code></li>").collect(Collectors.joining())
                + "</ul></div>");
        return bundle;
    }

    @Override
    public String toString() {
        return heading + entries.stream().map(e -> "\n  " + e).collect(Collectors.joining());
    }
}
