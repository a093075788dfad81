package frontier.ipfs.car;

import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.blockstore.MemoryBlockStore;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.Multibase;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.ImportResult;
import frontier.ipfs.importer.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class CarTest {
    @TempDir
    Path dir;

    private ImportResult addTree(MemoryBlockStore store) throws Exception {
        Files.createDirectories(dir.resolve("planets"));
        Files.writeString(dir.resolve("planets/mars.txt"), "Hello Mars!\n");
        Files.writeString(dir.resolve("planets/venus.txt"), "Hello Venus!\n");
        byte[] big = new byte[300_000];
        new Random(7).nextBytes(big);
        Files.write(dir.resolve("planets/big.bin"), big);
        ImportOptions o = new ImportOptions();
        o.recursive = true;
        o.cidVersion = 1;
        o.chunker = "size-1000";
        return new Importer(o, store::put, dir).add(List.of(Path.of("planets")), dir, null);
    }

    @Test
    void headerIsCanonicalDagCbor() {
        Cid root = Cid.parse("bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi");
        String hex = Multibase.BASE16.encodeRaw(CarWriter.header(List.of(root)));
        // {"roots": [tag42(0x00 + CID)], "version": 1}: a2, "roots", array(1), d8 2a, bytes(37), 00 CID, "version", 1
        assertEquals("a265726f6f747381d82a582500" + Multibase.BASE16.encodeRaw(root.bytes()) + "6776657273696f6e01", hex);
    }

    @Test
    void exportThenImportRoundTripsEveryBlock() throws Exception {
        MemoryBlockStore source = new MemoryBlockStore();
        ImportResult r = addTree(source);
        ByteArrayOutputStream car = new ByteArrayOutputStream();
        Car.Summary out = Car.export(source, List.of(r.root()), car);
        assertEquals(source.size(), out.blocks(), "every block of the DAG, once");
        FileBlockStore target = new FileBlockStore(dir.resolve("repo"));
        Car.Summary in = Car.importCar(new ByteArrayInputStream(car.toByteArray()), target, "planets.car");
        assertEquals(List.of(r.root()), in.roots());
        assertEquals(out.blocks(), in.blocks());
        for (Cid c : source.list()) {
            assertArrayEquals(source.get(c), target.get(c), c.toString());
        }
        // the root block comes first, as ipfs dag export writes it
        CarReader reader = new CarReader(new ByteArrayInputStream(car.toByteArray()), "planets.car");
        assertEquals(r.root(), reader.next().cid());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Car.export(target, List.of(r.root()), again);
        assertArrayEquals(car.toByteArray(), again.toByteArray());
    }

    @Test
    void truncatedOrCorruptCarsWriteNothing() throws Exception {
        MemoryBlockStore source = new MemoryBlockStore();
        ImportResult r = addTree(source);
        ByteArrayOutputStream car = new ByteArrayOutputStream();
        Car.export(source, List.of(r.root()), car);
        byte[] full = car.toByteArray();
        for (int cut : new int[]{0, 5, 30, 61, 200, full.length / 2, full.length - 1}) {
            Path repo = dir.resolve("t" + cut);
            FileBlockStore target = new FileBlockStore(repo);
            CarException e = assertThrows(CarException.class,
                    () -> Car.importCar(new ByteArrayInputStream(Arrays.copyOf(full, cut)), target, "cut.car"), "cut at " + cut);
            assertTrue(e.getMessage().startsWith("cut.car: "), e.getMessage());
            assertFalse(target.list().iterator().hasNext(), "nothing stored from a CAR cut at " + cut);
            try (Stream<Path> tmp = Files.list(repo.resolve("tmp"))) {
                assertEquals(0, tmp.count(), "no spool left behind");
            }
        }
        // flip a byte in the last block's data: its hash no longer matches
        byte[] bad = full.clone();
        bad[bad.length - 1] ^= 1;
        FileBlockStore target = new FileBlockStore(dir.resolve("corrupt"));
        CarException e = assertThrows(CarException.class, () -> Car.importCar(new ByteArrayInputStream(bad), target, "bad.car"));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        assertFalse(target.list().iterator().hasNext());
    }

    @Test
    void truncatedDigestsInACarAreRefused() throws Exception {
        byte[] evil = "anything at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Cid bafkreaa = Cid.parse("bafkreaa"); // sha2-256 with a 0-byte digest: it would "verify" any block
        Cid good = Cid.of(1, Cid.RAW, frontier.ipfs.cid.HashType.SHA2_256, evil);
        for (List<Cid> roots : List.of(List.of(good), List.of(bafkreaa))) {
            ByteArrayOutputStream car = new ByteArrayOutputStream();
            try (CarWriter w = new CarWriter(car, roots)) {
                w.write(good, evil);
                w.write(bafkreaa, evil);
            }
            FileBlockStore target = new FileBlockStore(dir.resolve("trunc" + roots.hashCode()));
            CarException e = assertThrows(CarException.class, () -> Car.importCar(new ByteArrayInputStream(car.toByteArray()), target, "evil.car"));
            assertTrue(e.getMessage().startsWith("evil.car: ") && e.getMessage().contains("CID bafkreaa cannot be verified: its sha2-256 digest is 0 bytes"), e.getMessage());
            assertFalse(target.list().iterator().hasNext(), "nothing stored, not even the good block");
        }
    }

    @Test
    void exportNamesAMissingBlock() throws Exception {
        MemoryBlockStore source = new MemoryBlockStore();
        ImportResult r = addTree(source);
        Cid mars = r.entries().get(1).cid();
        List<Cid> all = new ArrayList<>();
        source.list().forEach(all::add);
        source.delete(mars);
        CarException e = assertThrows(CarException.class, () -> Car.export(source, List.of(r.root()), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains(mars.toString()), e.getMessage());
    }
}
