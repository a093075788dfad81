package frontier.magics.core;

import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LsCommandTest {
    @TempDir
    Path dir;

    private final MagicRegistry registry = MagicRegistry.load();

    private void tree() throws Exception {
        Path zarr = Files.createDirectories(dir.resolve("images/6001240.zarr"));
        Files.writeString(zarr.resolve(".zattrs"), "{}");
        Files.writeString(zarr.resolve(".zgroup"), "{\"zarr_format\": 2}");
        Files.createDirectories(zarr.resolve("0"));
        Files.createDirectories(zarr.resolve("labels"));
        Files.createDirectories(zarr.resolve("1"));
        Files.writeString(zarr.resolve("B"), "x");
    }

    private String ls(String args, Path cwd) throws Exception {
        // the oracle: GNU ls, one name per line (stdout is a pipe), C collation
        Process p = new ProcessBuilder(List.of("bash", "-c", "LC_ALL=C ls " + args)).directory(cwd.toFile())
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return text.stripTrailing();
    }

    @Test
    void listsLikeLsWithAndWithoutHiddenEntries() throws Exception {
        tree();
        RecordingContext ctx = new RecordingContext(dir);
        DirectoryListing plain = (DirectoryListing) registry.runLine("ls", "images/6001240.zarr", ctx);
        assertEquals(List.of("0", "1", "B", "labels"), plain.names());
        assertEquals(ls("images/6001240.zarr", dir), plain.toString());
        DirectoryListing all = (DirectoryListing) registry.runLine("ls", "-a images/6001240.zarr", ctx);
        assertEquals(List.of(".", "..", ".zattrs", ".zgroup", "0", "1", "B", "labels"), all.names());
        assertEquals(ls("-a images/6001240.zarr", dir), all.toString());
        DirectoryListing here = (DirectoryListing) registry.runLine("ls", "", new RecordingContext(dir.resolve("images")));
        assertEquals(List.of("6001240.zarr"), here.names());
    }

    @Test
    void longFormHasModeSizeAndTime() throws Exception {
        tree();
        Path zgroup = dir.resolve("images/6001240.zarr/.zgroup");
        Files.setLastModifiedTime(zgroup, FileTime.from(Instant.now().minusSeconds(60)));
        DirectoryListing listing = (DirectoryListing) registry.runLine("ls", "-l -a images/6001240.zarr", new RecordingContext(dir));
        String line = listing.toString().lines().filter(l -> l.endsWith(" .zgroup")).findFirst().orElseThrow();
        // compare with GNU ls -l for the same file, column by column (widths may differ)
        String[] ours = line.trim().split(" +");
        String[] theirs = ls("-l images/6001240.zarr/.zgroup", dir).trim().split(" +");
        assertEquals(theirs[0], ours[0]);              // -rw-r--r--
        assertEquals(theirs[1], ours[1]);              // links
        assertEquals(theirs[2], ours[2]);              // owner
        assertEquals(theirs[4], ours[4]);              // size 18
        assertEquals(theirs[5] + theirs[6] + theirs[7], ours[5] + ours[6] + ours[7]); // Nov 25 13:20
        assertTrue(line.startsWith("-rw"), line);
        assertTrue(listing.longForm());
        DirectoryListing.Entry entry = listing.entries().stream().filter(e -> e.name().equals(".zgroup")).findFirst().orElseThrow();
        assertEquals(18, entry.size());
        assertEquals(Files.getLastModifiedTime(zgroup).toInstant(), entry.modified());
        assertTrue(listing.entries().stream().anyMatch(e -> e.name().equals("0") && e.isDirectory()));
    }

    @Test
    void aFileListsItself() throws Exception {
        tree();
        DirectoryListing one = (DirectoryListing) registry.runLine("ls", "images/6001240.zarr/B", new RecordingContext(dir));
        assertEquals("images/6001240.zarr/B", one.toString());
    }

    @Test
    void missingPathIsAOneLineErrorLikeLs() {
        MagicException e = assertThrows(MagicException.class, () -> registry.runLine("ls", "nope", new RecordingContext(dir)));
        assertEquals("%ls: cannot access 'nope': No such file or directory", e.getMessage());
        assertEquals(2, e.exitStatus());
    }

    @Test
    void lsmagicListsTheMagics() {
        MagicListing listing = (MagicListing) registry.runLine("lsmagic", "", new RecordingContext(dir));
        assertTrue(listing.lineMagics().containsAll(List.of("ls", "lsmagic")), listing.toString());
        assertTrue(listing.toString().startsWith("Available line magics:\n"), listing.toString());
        assertTrue(listing.toString().contains("%ls  %lsmagic"), listing.toString());
        assertTrue(listing.toString().contains("\n\nAvailable cell magics:\n"), listing.toString());
    }
}
