package frontier.ipfs.extract;

import frontier.ipfs.HostileTars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kubo RPC get path: hostile tars leave nothing anywhere, honest ones land as -o says. */
class TarExtractorTest {
    static final String CID = "bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi";
    @TempDir
    Path dir;

    private TreeSet<String> everything() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            TreeSet<String> out = new TreeSet<>();
            s.forEach(p -> out.add(dir.relativize(p).toString()));
            return out;
        }
    }

    private Extracted extract(byte[] tar, String path, String target) throws IOException {
        return TarExtractor.extract(new ByteArrayInputStream(tar), path, dir.resolve(target), "the tar from a test");
    }

    private String refused(byte[] tar) {
        return assertThrows(UnsafeEntryException.class, () -> extract(tar, "/ipfs/" + CID, "out/copy")).getMessage();
    }

    @Test
    void anHonestTarLandsAsTheTarget() throws Exception {
        byte[] tar = new HostileTars().dir(CID).file(CID + "/a.txt", "A\n").dir(CID + "/sub").file(CID + "/sub/b.txt", "B\n")
                .symlink(CID + "/sub/up", "../a.txt").bytes();
        Extracted x = extract(tar, "/ipfs/" + CID, "out/copy");
        assertEquals(2, x.files());
        assertEquals("A\n", Files.readString(dir.resolve("out/copy/sub/up")));
        assertEquals(new TreeSet<>(List.of("", "out", "out/copy", "out/copy/a.txt", "out/copy/sub", "out/copy/sub/b.txt", "out/copy/sub/up")), everything());
        assertEquals(2, x.directories());
        assertEquals(4, x.bytes());
        // js-ipfs names the top entry after the whole path; a file alone becomes the target
        byte[] one = new HostileTars().dir(CID).file(CID + "/a.txt", "A\n").bytes();
        extract(one, "/ipfs/" + CID + "/a.txt", "single.txt");
        assertEquals("A\n", Files.readString(dir.resolve("single.txt")));
        // a folder already there with something in it is named, not overwritten
        IOException full = assertThrows(IOException.class, () -> extract(tar, "/ipfs/" + CID, "out"));
        assertTrue(full.getMessage().endsWith("a folder that is not empty is already there"), full.getMessage());
        assertEquals("A\n", Files.readString(dir.resolve("out/copy/a.txt")));
    }

    @Test
    void theTwinTrickIsRefusedAndNothingIsLeft() throws Exception {
        assertTrue(refused(HostileTars.dotDotTwin(CID)).contains("/x: the name appears twice"));
        byte[] reversed = new HostileTars().dir(CID).dir(CID + "/x").symlink(CID + "/x", "..").file(CID + "/x/PWNED.txt", "pwned\n").bytes();
        refused(reversed);
        // no directory entry at all for x: the file goes where the link is
        byte[] implicit = new HostileTars().dir(CID).symlink(CID + "/x", "..").file(CID + "/x/PWNED.txt", "pwned\n").bytes();
        refused(implicit);
        assertEquals(new TreeSet<>(List.of("", "out")), everything(), "no staging folder, no PWNED.txt");
    }

    @Test
    void namesThatLeaveAndLinksThatPointOutAreRefused() throws Exception {
        assertTrue(refused(new HostileTars().dir(CID).file(CID + "/../evil.txt", "x").bytes()).contains("not a plain file name"));
        assertTrue(refused(new HostileTars().file("/tmp/evil.txt", "x").bytes()).contains("an absolute path"));
        assertTrue(refused(new HostileTars().dir(CID).symlink(CID + "/s", "../sibling-secret").bytes()).contains("leads outside"));
        assertTrue(refused(new HostileTars().dir(CID).symlink(CID + "/s", "/etc/passwd").bytes()).contains("absolute path"));
        assertTrue(refused(new HostileTars().dir(CID).hardlink(CID + "/h", "/etc/passwd").bytes()).contains("hard link"));
        assertTrue(refused(new HostileTars().dir(CID).file(CID + "/a", "1").file(CID + "/a", "2").bytes()).contains("appears twice"));
        // inside the staging folder but outside the object moved into place
        byte[] outOfObject = new HostileTars().dir(CID).dir(CID + "/sub").symlink(CID + "/sub/s", "../x").file(CID + "/x", "x").bytes();
        String m = assertThrows(UnsafeEntryException.class, () -> extract(outOfObject, "/ipfs/" + CID + "/sub", "sub-copy")).getMessage();
        assertTrue(m.contains("/sub/s: a symlink to '../x'"), m);
        assertEquals(new TreeSet<>(List.of("", "out")), everything());
    }
}
