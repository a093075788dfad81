package frontier.ipfs.blockstore;

import frontier.ipfs.cid.Cid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive pins of a block store, kept in {@code ROOT/pins} (one CIDv1 per line), rewritten
 * through a temporary file so a crash leaves either the old or the new list.
 */
public final class PinSet {
    private final Path file;

    public PinSet(Path storeRoot) {
        this.file = storeRoot.resolve("pins");
    }

    public synchronized List<Cid> list() {
        List<Cid> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(Cid.parse(s.split("\\s+")[0]));
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pins " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    public synchronized boolean isPinned(Cid cid) {
        return list().contains(cid.toV1());
    }

    /** Pins cid (recursively); returns false when it was already pinned. */
    public synchronized boolean add(Cid cid) {
        Set<Cid> pins = new LinkedHashSet<>(list());
        boolean added = pins.add(cid.toV1());
        if (added) {
            write(pins);
        }
        return added;
    }

    public synchronized boolean remove(Cid cid) {
        Set<Cid> pins = new LinkedHashSet<>(list());
        boolean removed = pins.remove(cid.toV1());
        if (removed) {
            write(pins);
        }
        return removed;
    }

    private void write(Set<Cid> pins) {
        StringBuilder sb = new StringBuilder();
        for (Cid c : pins) {
            sb.append(c).append(" recursive\n");
        }
        Path tmp = file.resolveSibling("pins.tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pins " + file + ": " + e.getMessage(), e);
        }
    }
}
