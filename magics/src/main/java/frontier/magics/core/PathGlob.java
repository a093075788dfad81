package frontier.magics.core;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands a path that may hold glob characters ({@code lib/*.jar}, {@code libs/**.jar}, {@code ~/x}) against a directory. */
final class PathGlob {
    private PathGlob() {
    }

    static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    /** Matching paths, sorted; empty when nothing matches. A plain path is returned as is (existing or not). */
    static List<Path> expand(Path cwd, String pattern) throws IOException {
        String p = CatCommand.expandHome(pattern);
        if (!isGlob(p)) {
            return List.of(cwd.resolve(p).normalize());
        }
        String[] parts = p.split("/", -1);
        int first = 0;
        while (first < parts.length && !isGlob(parts[first])) {
            first++;
        }
        String basePart = String.join("/", java.util.Arrays.copyOfRange(parts, 0, first));
        Path base = p.startsWith("/") ? Path.of("/" + basePart) : cwd.resolve(basePart);
        base = base.normalize();
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, first, parts.length));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        boolean deep = rest.contains("**");
        int depth = deep ? Integer.MAX_VALUE : parts.length - first;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Path> matches = new ArrayList<>();
        Path root = base;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            walk.filter(f -> !f.equals(root) && matcher.matches(root.relativize(f))).sorted().forEach(matches::add);
        }
        return matches;
    }
}
