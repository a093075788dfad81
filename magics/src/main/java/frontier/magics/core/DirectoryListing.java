package frontier.magics.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What %ls returns: the entries of a directory (or the one file named), printed one per line or,
 * in the long form, as ls -l prints them.
 */
public record DirectoryListing(String path, boolean directory, boolean longForm, List<Entry> entries) {
    /** One listed file. */
    public record Entry(String name, char type, String mode, long links, String owner, String group,
                        long size, Instant modified, String linkTarget) {
        static Entry of(Path file, String name) {
            try {
                PosixFileAttributes a = null;
                try {
                    a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: fall back to basic attributes below
                }
                boolean link = Files.isSymbolicLink(file);
                boolean dir = !link && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
                char type = link ? 'l' : dir ? 'd' : Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? '-' : '?';
                long links = 1;
                try {
                    links = ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).longValue();
                } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
                    // no unix view: 1
                }
                String mode = a != null ? PosixFilePermissions.toString(a.permissions()) : "?????????";
                String owner = a != null ? a.owner().getName() : "";
                String group = a != null ? a.group().getName() : "";
                long size = Files.size(file);
                if (link) {
                    size = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS).size();
                }
                FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
                String target = link ? Files.readSymbolicLink(file).toString() : null;
                return new Entry(name, type, mode, links, owner, group, size, modified.toInstant(), target);
            } catch (IOException e) {
                return new Entry(name, '?', "?????????", 0, "?", "?", 0, Instant.EPOCH, null);
            }
        }

        public boolean isDirectory() {
            return type == 'd';
        }
    }

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ENGLISH);

    public DirectoryListing {
        entries = List.copyOf(entries);
    }

    /** The entry names in order (what plain ls prints). */
    public List<String> names() {
        return entries.stream().map(Entry::name).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        if (!longForm) {
            return String.join("\n", names());
        }
        int linkWidth = width(entries.stream().map(e -> Long.toString(e.links())).collect(Collectors.toList()));
        int ownerWidth = width(entries.stream().map(Entry::owner).collect(Collectors.toList()));
        int groupWidth = width(entries.stream().map(Entry::group).collect(Collectors.toList()));
        int sizeWidth = width(entries.stream().map(e -> Long.toString(e.size())).collect(Collectors.toList()));
        Instant now = Instant.now();
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(e.type()).append(e.mode()).append(' ')
                    .append(pad(Long.toString(e.links()), linkWidth, true)).append(' ')
                    .append(pad(e.owner(), ownerWidth, false)).append(' ')
                    .append(pad(e.group(), groupWidth, false)).append(' ')
                    .append(pad(Long.toString(e.size()), sizeWidth, true)).append(' ')
                    .append(lsTime(e.modified(), now)).append(' ')
                    .append(e.name());
            if (e.linkTarget() != null) {
                b.append(" -> ").append(e.linkTarget());
            }
        }
        return b.toString();
    }

    /** ls's time column: "Nov 25 13:20" within six months, "Nov 25  2025" otherwise. */
    static String lsTime(Instant t, Instant now) {
        ZonedDateTime local = t.atZone(ZoneId.systemDefault());
        boolean recent = t.isAfter(now.minusSeconds(183L * 24 * 3600)) && !t.isAfter(now.plusSeconds(3600));
        return (recent ? RECENT : OLD).format(local);
    }

    private static int width(List<String> values) {
        return values.stream().mapToInt(String::length).max().orElse(0);
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
