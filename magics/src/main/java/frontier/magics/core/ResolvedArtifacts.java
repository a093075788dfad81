package frontier.magics.core;

import java.util.List;

/** What %maven returns: each resolved artifact and its jar in the local repository. */
public record ResolvedArtifacts(String heading, List<MavenResolver.Resolved> artifacts) {
    public ResolvedArtifacts {
        artifacts = List.copyOf(artifacts);
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
