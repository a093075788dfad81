package frontier.ipfs.importer;

import frontier.ipfs.blockstore.FileBlockStore;
import frontier.progress.Progress;
import frontier.progress.ProgressSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A tree that changes while it is being added gives an error naming the path, and no root. */
class ChangingTreeTest {
    @TempDir
    Path dir;

    /** A progress sink that runs an action on the first bytes read (while a.txt is being read, b.txt is not yet). */
    static ProgressSink onFirstProgress(Runnable action) {
        return (label, total, unit) -> new Progress() {
            boolean done;

            @Override
            public void advance(long n) {
                if (!done) {
                    done = true;
                    action.run();
                }
            }

            @Override
            public void close() {
            }
        };
    }

    private void tree() throws IOException {
        Files.createDirectories(dir.resolve("d"));
        Files.writeString(dir.resolve("d/a.txt"), "first file\n");
        Files.writeString(dir.resolve("d/b.txt"), "second file\n");
    }

    @Test
    void aFileThatGrowsIsNamed() throws IOException {
        tree();
        ImportOptions o = new ImportOptions();
        o.recursive = true;
        FileBlockStore store = new FileBlockStore(dir.resolve("repo"));
        Importer imp = new Importer(o, store::putHashed, dir);
        ImportException e = assertThrows(ImportException.class, () -> imp.add(List.of(Path.of("d")), dir, onFirstProgress(() -> {
            try {
                Files.writeString(dir.resolve("d/b.txt"), "grown\n", StandardOpenOption.APPEND);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        })));
        assertTrue(e.getMessage().contains("b.txt") && e.getMessage().contains("changed"), e.getMessage());
    }

    @Test
    void aDirectoryThatGainsAnEntryIsNamed() throws IOException {
        tree();
        ImportOptions o = new ImportOptions();
        o.recursive = true;
        Importer imp = new Importer(o, null, dir);
        ImportException e = assertThrows(ImportException.class, () -> imp.add(List.of(Path.of("d")), dir, onFirstProgress(() -> {
            try {
                Files.writeString(dir.resolve("d/c.txt"), "new\n");
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        })));
        assertTrue(e.getMessage().contains("directory") && e.getMessage().contains(dir.resolve("d").toString()), e.getMessage());
    }

    @Test
    void aVanishedFileIsNamed() throws IOException {
        tree();
        ImportOptions o = new ImportOptions();
        o.recursive = true;
        Importer imp = new Importer(o, null, dir);
        ImportException e = assertThrows(ImportException.class, () -> imp.add(List.of(Path.of("d")), dir, onFirstProgress(() -> {
            try {
                Files.delete(dir.resolve("d/b.txt"));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        })));
        assertTrue(e.getMessage().contains("b.txt"), e.getMessage());
    }

    @Test
    void missingPathsAndFifosAreNamed() throws Exception {
        Importer imp = new Importer(new ImportOptions(), null, dir);
        ImportException e = assertThrows(ImportException.class, () -> imp.add(List.of(Path.of("nope")), dir, null));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        Files.createDirectories(dir.resolve("p"));
        Process mk = new ProcessBuilder("mkfifo", dir.resolve("p/pipe").toString()).start();
        if (mk.waitFor() == 0) {
            ImportOptions o = new ImportOptions();
            o.recursive = true;
            e = assertThrows(ImportException.class, () -> new Importer(o, null, dir).add(List.of(Path.of("p")), dir, null));
            assertTrue(e.getMessage().contains("pipe") && e.getMessage().contains("unrecognized file type"), e.getMessage());
        }
    }
}
