package frontier.magics.core;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** What %classpath returns: the entries it added, or the session's whole added classpath. */
public record ClasspathListing(String heading, List<Path> entries) {
    public ClasspathListing {
        entries = List.copyOf(entries);
    }

    @Override
    public String toString() {
        return heading + entries.stream().map(e -> "\n  " + e).collect(Collectors.joining());
    }
}
