package frontier.ipfs.importer;

import frontier.ipfs.blockstore.MemoryBlockStore;
import frontier.ipfs.cid.HashType;
import frontier.ipfs.cid.Multibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Expected CIDs and output copied from Kubo's own sharness tests (test/sharness/t0040-add-and-cat.sh,
 * t0042-add-skip.sh, t0044-add-symlink.sh, t0047-add-mode-mtime.sh, t0260-sharding.sh), with the same inputs.
 */
class KuboVectorsTest {
    @TempDir
    Path dir;

    static String add(Path cwd, Consumer<ImportOptions> flags, String... paths) {
        ImportOptions o = new ImportOptions();
        flags.accept(o);
        MemoryBlockStore store = new MemoryBlockStore();
        Importer imp = new Importer(o, store::put, cwd);
        ImportResult r = imp.add(java.util.Arrays.stream(paths).map(Path::of).toList(), cwd, null);
        return r.kuboText(false, false);
    }

    static String root(Path cwd, Consumer<ImportOptions> flags, String... paths) {
        ImportOptions o = new ImportOptions();
        flags.accept(o);
        Importer imp = new Importer(o, null, cwd);
        return imp.add(java.util.Arrays.stream(paths).map(Path::of).toList(), cwd, null).kuboText(false, true).trim();
    }

    Path write(String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void singleFiles() throws IOException {
        write("mountdir/hello.txt", "Hello Worlds!\n");
        assertEquals("added QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH hello.txt\n", add(dir, o -> { }, "mountdir/hello.txt"));
        assertEquals("added QmUkUQgxXeggyaD5Ckv8ZqfW8wHBX6cYyeiyqvVZYzq5Bi hello.txt\n", add(dir, o -> o.trickle = true, "mountdir/hello.txt"));
        // content-defined chunkers on a one-chunk file (Kubo's only vectors for them)
        for (String chunker : List.of("rabin", "rabin-36-512-1024", "buzhash")) {
            assertEquals("QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH", root(dir, o -> o.chunker = chunker, "mountdir/hello.txt"), chunker);
        }
        assertThrows(IllegalArgumentException.class, () -> root(dir, o -> o.chunker = "rabin-12-512-1024", "mountdir/hello.txt"));
        write("mountdir/hello2.txt", "Helloo Worlds!\n");
        assertEquals("added QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH hello.txt\n"
                + "added Qmf35k66MZNW2GijohUmXQEWKZU4cCGTCwK6idfnt152wJ hello2.txt\n", add(dir, o -> { }, "mountdir/hello.txt", "mountdir/hello2.txt"));
        assertEquals("added QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH hello.txt\n", add(dir, o -> { }, "mountdir/hello.txt", "mountdir/hello.txt"));
        write("mountdir/base32-test.txt", "base32 test\n");
        assertEquals("added bafybeibyosqxljd2eptb4ebbtvk7pb4aoxzqa6ttdsflty6rsslz5y6i34 base32-test.txt\n",
                add(dir, o -> o.cidBase = Multibase.BASE32, "mountdir/base32-test.txt"));
        write("file.txt", "IPFS\n");
        assertEquals("QmdFyxZXsFiP4csgfM5uPu99AvFiKH62CSPDw5TP92nr7w", root(dir, o -> { }, "file.txt"));
        write("venus.txt", "Hello Venus!\n");
        assertEquals("QmU5kp3BH3B8tnWUU2Pikdb2maksBNkb92FHRr56hyghh4", root(dir, o -> { }, "venus.txt"));
        write("jupiter", "Hello Jupiter!\n");
        assertEquals("QmUnvPcBctVTAcJpigv6KMqDvmDewksPWrNVoy1E1WP5fh", root(dir, o -> { }, "jupiter"));
        write("neptune", "Hello Neptune!\nHello Pluton!");
        assertEquals("QmZDhWpi8NvKrekaYYhxKCdNVGWsFFe1CREnAjP1QbPaB3", root(dir, o -> { }, "neptune"));
    }

    @Test
    void emptyFiles() throws IOException {
        write("zero-length-file", "");
        assertEquals("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", root(dir, o -> { }, "zero-length-file"));
        assertEquals("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", root(dir, o -> o.rawLeaves = true, "zero-length-file"));
        Files.createDirectories(dir.resolve("emptydir"));
        assertEquals("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", root(dir, o -> o.recursive = true, "emptydir"));
    }

    private void planets() throws IOException {
        write("mountdir/planets/mars.txt", "Hello Mars!\n");
        write("mountdir/planets/venus.txt", "Hello Venus!\n");
    }

    private String planetsOut(String mars, String venus, String planets) {
        return "added " + mars + " planets/mars.txt\nadded " + venus + " planets/venus.txt\nadded " + planets + " planets\n";
    }

    @Test
    void planetsInEveryVariant() throws IOException {
        planets();
        assertEquals(planetsOut("QmPrrHqJzto9m7SyiRzarwkqPcCSsKR2EB1AyqJfe8L8tN", "QmU5kp3BH3B8tnWUU2Pikdb2maksBNkb92FHRr56hyghh4",
                "QmWSgS32xQEcXMeqd3YPJLrNBLSdsfYCep2U7CFkyrjXwY"), add(dir, o -> o.recursive = true, "mountdir/planets"));
        assertEquals(planetsOut("bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4", "bafkreihfsphazrk2ilejpekyltjeh5k4yvwgjuwg26ueafohqioeo3sdca",
                "QmfWfQfKCY5Ukv9peBbxM5vqWM9BzmqUSXvdCgjT2wsiBT"), add(dir, o -> { o.recursive = true; o.rawLeaves = true; }, "mountdir/planets"));
        assertEquals(planetsOut("bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4", "bafkreihfsphazrk2ilejpekyltjeh5k4yvwgjuwg26ueafohqioeo3sdca",
                "bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi"), add(dir, o -> { o.recursive = true; o.cidVersion = 1; }, "mountdir/planets"));
        assertEquals(planetsOut("bafybeiawta2ntdmsy24aro35w3homzl4ak7svr3si7l7gesvq4erglyye4", "bafybeicvkvhs2fr75ynebtdjqpgm4g2fc63abqbmysupwpmcjl4gx7mzrm",
                "bafybeif5tuep5ap2d7zyhbktucey75aoacxufgt6i3v4gebmixyipnyp7y"),
                add(dir, o -> { o.recursive = true; o.cidVersion = 1; o.rawLeaves = false; }, "mountdir/planets"));
        assertEquals(planetsOut("bafk2bzaceaqcxw46uzkyd2jmczoogof6pnkqt4dpiv3pwkunsv4g5rkkmecie", "bafk2bzacebxnke2fb5mgzxyjuuavvcfht4fd3gvn4klkujz6k72wboynhuvfw",
                "bafykbzaceaptbcs7ik5mdfpot3b4ackvxlwh7loc5jcrtkayf64ukl7zyk46e"),
                add(dir, o -> { o.recursive = true; o.hash = HashType.BLAKE2B_256; }, "mountdir/planets"));
        assertEquals("QmWSgS32xQEcXMeqd3YPJLrNBLSdsfYCep2U7CFkyrjXwY", root(dir, o -> o.recursive = true, "mountdir/planets"));
    }

    @Test
    void moonsOrderOfOutput() throws IOException {
        write("mountdir/moons/jupiter/europa.txt", "Hello Europa!\n");
        write("mountdir/moons/saturn/titan.txt", "Hello Titan!\n");
        write("mountdir/moons/mercury.txt", "hey you are no moon!\n");
        assertEquals("added Qmbjg7zWdqdMaK2BucPncJQDxiALExph5k3NkQv5RHpccu moons/jupiter/europa.txt\n"
                + "added QmRsTB5CpEUvDUpDgHCzb3VftZ139zrk9zs5ZcgYh9TMPJ moons/mercury.txt\n"
                + "added QmZzppb9WHn552rmRqpPfgU5FEiHH6gDwi3MrB9cTdPwdb moons/saturn/titan.txt\n"
                + "added QmS5mZddhFPLWFX3w6FzAy9QxyYkaxvUpsWCtZ3r7jub9J moons/jupiter\n"
                + "added QmaMagZT4rTE7Nonw8KGSK4oe1bh533yhZrCo1HihSG8FK moons/saturn\n"
                + "added QmbGoaQZm8kjYfCiN1aBsgwhqfUBGDYTrDb91Mz7Dvq81B moons\n",
                add(dir, o -> { o.recursive = true; o.onlyHash = true; }, "mountdir/moons"));
    }

    @Test
    void currentDirectory() throws IOException {
        write("test_current_dir/hey", "Hey\n");
        write("test_current_dir/hello/world", "World\n");
        Path cwd = dir.resolve("test_current_dir");
        assertEquals("QmZQWnfcqJ6hNkkPvrY9Q5X39GP3jUnUbAV4AbmbbR3Cb1", root(cwd, o -> o.recursive = true, "."));
        assertEquals("QmZQWnfcqJ6hNkkPvrY9Q5X39GP3jUnUbAV4AbmbbR3Cb1", root(cwd, o -> o.recursive = true, "./"));
        write("hellodir/world", "World\n");
        assertTrue(add(dir.resolve("hellodir"), o -> o.recursive = true, ".").contains("added Qma9CyFdG5ffrZCcYSin2uAETygB25cswVwEYYzwfQuhTe"));
    }

    @Test
    void hiddenAndIgnored() throws IOException {
        Files.createDirectories(dir.resolve("mountdir/planets/.asteroids"));
        write("mountdir/planets/.gitignore", "mars.txt\n");
        write("mountdir/planets/mars.txt", "Hello Mars\n");
        write("mountdir/planets/venus.txt", "Hello Venus\n");
        write("mountdir/planets/.pluto.txt", "Hello Pluto\n");
        write("mountdir/planets/.charon.txt", "Hello Charon\n");
        write("mountdir/planets/.asteroids/ceres.txt", "Hello Ceres\n");
        write("mountdir/planets/.asteroids/pallas.txt", "Hello Pallas\n");
        assertEquals("added QmZy3khu7qf696i5HtkgL2NotsCZ8wzvNZJ1eUdA5n8KaV planets/mars.txt\n"
                + "added QmQnv4m3Q5512zgVtpbJ9z85osQrzZzGRn934AGh6iVEXz planets/venus.txt\n"
                + "added QmR8nD1Vzk5twWVC6oShTHvv7mMYkVh6dApCByBJyV2oj3 planets\n", add(dir, o -> o.recursive = true, "mountdir/planets"));
        String hiddenFiles = "added QmcAREBcjgnUpKfyFmUGnfajA1NQS5ydqRp7WfqZ6JF8Dx planets/.asteroids/ceres.txt\n"
                + "added QmZ5eaLybJ5GUZBNwy24AA9EEDTDpA4B8qXnuN3cGxu2uF planets/.asteroids/pallas.txt\n"
                + "added QmaowqjedBkUrMUXgzt9c2ZnAJncM9jpJtkFfgdFstGr5a planets/.charon.txt\n"
                + "added QmPHrRjTH8FskN3C2iv6BLekDT94o23KSL2u5qLqQqGhVH planets/.gitignore\n"
                + "added QmU4zFD5eJtRBsWC63AvpozM9Atiadg9kPVTuTrnCYJiNF planets/.pluto.txt\n";
        assertEquals(hiddenFiles
                + "added QmZy3khu7qf696i5HtkgL2NotsCZ8wzvNZJ1eUdA5n8KaV planets/mars.txt\n"
                + "added QmQnv4m3Q5512zgVtpbJ9z85osQrzZzGRn934AGh6iVEXz planets/venus.txt\n"
                + "added Qmf6rbs5GF85anDuoxpSAdtuZPM9D2Yt3HngzjUVSQ7kDV planets/.asteroids\n"
                + "added QmczhHaXyb3bc9APMxe4MXbr87V5YDLKLaw3DZX3fK7HrK planets\n", add(dir, o -> { o.recursive = true; o.hidden = true; }, "mountdir/planets"));
        Path planets = dir.resolve("mountdir/planets");
        assertEquals(hiddenFiles
                + "added QmQnv4m3Q5512zgVtpbJ9z85osQrzZzGRn934AGh6iVEXz planets/venus.txt\n"
                + "added Qmf6rbs5GF85anDuoxpSAdtuZPM9D2Yt3HngzjUVSQ7kDV planets/.asteroids\n"
                + "added QmaRsiaCYvc65RqHVAcv2tqyjZgQYgvaNqW1tQGsjfy4N5 planets\n",
                add(planets, o -> { o.recursive = true; o.hidden = true; o.ignoreRulesPath = ".gitignore"; }, "."));
        assertEquals("added QmaowqjedBkUrMUXgzt9c2ZnAJncM9jpJtkFfgdFstGr5a planets/.charon.txt\n"
                + "added QmPHrRjTH8FskN3C2iv6BLekDT94o23KSL2u5qLqQqGhVH planets/.gitignore\n"
                + "added QmU4zFD5eJtRBsWC63AvpozM9Atiadg9kPVTuTrnCYJiNF planets/.pluto.txt\n"
                + "added QmemuMahjSh7eYLY3hbz2q8sqMPnbQzBQeUdosqNiWChE6 planets\n",
                add(planets, o -> { o.recursive = true; o.hidden = true; o.ignoreRulesPath = ".gitignore"; o.ignore = List.of(".asteroids", "venus.txt"); }, "."));
        write("mountdir/dotfiles/.vimrc", "set nocompatible\n");
        assertEquals("added QmT4uMRDCN7EMpFeqwvKkboszbqeW1kWVGrBxBuCGqZcQc .vimrc\n", add(dir, o -> { }, "mountdir/dotfiles/.vimrc"));
    }

    @Test
    void symlinks() throws IOException {
        write("files/foo/baz", "some text\n");
        Files.createDirectories(dir.resolve("files/bar"));
        Files.createSymbolicLink(dir.resolve("files/bar/baz"), Path.of("files/foo/baz"));
        Files.createSymbolicLink(dir.resolve("files/bad"), Path.of("files/does/not/exist"));
        assertEquals("QmWdiHKoeSW8G1u7ATCgpx4yMoUhYaJBQGkyPLkS9goYZ8", root(dir, o -> o.recursive = true, "files"));
        assertEquals("bafybeibyhlx64cklod6isy3h7tsmr4qvam3ae3b74n3hfes5bythjrwyua", root(dir, o -> { o.recursive = true; o.cidVersion = 1; }, "files"));
        assertEquals("QmdocmZeF7qwPT9Z8SiVhMSyKA2KKoA2J7jToW6z6WBmxR", root(dir, o -> { }, "files/bar/baz"));
        assertEquals("QmWYN8SEXCgNT2PSjB6BnxAx6NJQtazWoBkTRH9GRfPFFQ", root(dir, o -> { }, "files/bad"));
    }

    @Test
    void modeAndMtime() throws IOException {
        Path f = write("test.txt", "");
        Path link = dir.resolve("linkfile");
        Files.createSymbolicLink(link, Path.of("nothing"));
        assertEquals("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", root(dir, o -> { }, "test.txt"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals("QmQLgxypSNGNFTuUPGCecq6dDEjb6hNB5xSyVmP3cEuNtq", root(dir, o -> o.preserveMode = true, "test.txt"));
        Files.setLastModifiedTime(f, FileTime.from(Instant.ofEpochSecond(1604320482)));
        assertEquals("QmQ6kErEW8kztQFV8vbwNU8E4dmtGsYpRiboiLxUEwibvj", root(dir, o -> o.preserveMtime = true, "test.txt"));
        assertEquals("QmYkvboLsvLFcSYmqVJRxvBdYRQLroLv9kELf3LRiCqBri", root(dir, o -> { o.preserveMode = true; o.preserveMtime = true; }, "test.txt"));
        setLinkMtime(link, 1604320482);
        assertEquals("QmbJwotgtr84JxcnjpwJ86uZiyMoxbZuNH4YrdJMypkYaB", root(dir, o -> o.preserveMtime = true, "linkfile"));
        assertEquals("QmchD3BN8TQ3RW6jPLxSaNkqvfuj7syKhzTRmL4EpyY1Nz", root(dir, o -> o.mode = 0764, "test.txt"));
        assertEquals("QmT3aY4avDcYXCWpU8CJzqUkW7YEuEsx36S8cTNoLcuK1B", root(dir, o -> o.mtime = 1603539720, "test.txt"));
        assertEquals("QmaKH8H5rXBUBCX4vdxi7ktGQEL7wejV7L9rX2qpZjwncz", root(dir, o -> { o.mtime = 1603539720; o.mtimeNsecs = 54321; }, "test.txt"));
        assertEquals("QmUkxrtBA8tPjwCYz1HrsoRfDz6NgKut3asVeHVQNH4C8L", root(dir, o -> { o.mode = 0764; o.mtime = 1603539720; o.mtimeNsecs = 54321; }, "test.txt"));
        assertEquals("QmV1Uot2gy4bhY9yvYiZxhhchhyYC6MKKoGV1XtWNmpCLe", root(dir, o -> o.mtime = 1603539720, "linkfile"));
        assertEquals("QmPHYCxYvvHj6VxiPNJ3kXxcPsnJLDYUJqsDJWjvytmrmY", root(dir, o -> { o.mtime = 1603539720; o.mtimeNsecs = 54321; }, "linkfile"));
        assertThrows(IllegalArgumentException.class, () -> root(dir, o -> { o.mode = 0764; o.rawLeaves = true; }, "test.txt"));
    }

    private static void setLinkMtime(Path link, long secs) throws IOException {
        Files.getFileAttributeView(link, java.nio.file.attribute.BasicFileAttributeView.class, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                .setTimes(FileTime.from(Instant.ofEpochSecond(secs)), null, null);
    }

    @Test
    void shardingTestDirectory() throws IOException {
        Path t = dir.resolve("testdata");
        Files.createDirectories(t);
        for (int i = 1; i <= 2000; i++) {
            Files.writeString(t.resolve("file" + i), i + "\n");
        }
        assertEquals("QmavrTrQG4VhoJmantURAYuw3bowq3E2WcvP36NRQDAC1N", root(dir, o -> { o.recursive = true; o.hamtThreshold = 1L << 30; }, "testdata"));
        // 2000 short names stay under the default 256 KiB estimate: not sharded either
        assertEquals("QmavrTrQG4VhoJmantURAYuw3bowq3E2WcvP36NRQDAC1N", root(dir, o -> o.recursive = true, "testdata"));
        assertEquals("QmSCJD1KYLhVVHqBK3YyXuoEqHt7vggyJhzoFYbT8v1XYL", root(dir, o -> { o.recursive = true; o.hamtThreshold = 1; }, "testdata"));
        assertEquals("bafybeibiemewfzzdyhq2l74wrd6qj2oz42usjlktgnlqv4yfawgouaqn4u",
                root(dir, o -> { o.recursive = true; o.hamtThreshold = 1; o.cidVersion = 1; }, "testdata"));
        assertEquals("QmZ3RfWk1u5LEGYLHA633B5TNJy3Du27K6Fny9wcxpowGS", root(dir, o -> { }, "testdata/file100"));
    }
}
