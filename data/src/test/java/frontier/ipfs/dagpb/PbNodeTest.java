package frontier.ipfs.dagpb;

import frontier.ipfs.cid.Cid;
import frontier.ipfs.cid.HashType;
import frontier.ipfs.cid.Multibase;
import frontier.ipfs.unixfs.UnixfsData;
import frontier.ipfs.unixfs.UnixfsType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PbNodeTest {
    @Test
    void emptyDirectoryBlockIsKubos() {
        byte[] b = new PbNode(List.of(), UnixfsData.directory(null, null, null).encode()).encode();
        assertEquals("0a020801", Multibase.BASE16.encodeRaw(b));
        assertEquals("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", Cid.of(0, Cid.DAG_PB, HashType.SHA2_256, b).toString());
    }

    @Test
    void linksComeFirstSortedByNameWithAllFields() {
        Cid a = Cid.of(1, Cid.RAW, HashType.SHA2_256, new byte[]{1});
        Cid z = Cid.of(0, Cid.DAG_PB, HashType.SHA2_256, new byte[]{2});
        PbNode n = new PbNode(List.of(new PbLink(z, "z", 5), new PbLink(a, "a", 1)), new byte[]{8, 1});
        byte[] enc = n.encode();
        PbNode d = PbNode.decode(enc);
        assertEquals(List.of(new PbLink(a, "a", 1), new PbLink(z, "z", 5)), d.links());
        assertArrayEquals(new byte[]{8, 1}, d.data());
        // first byte: field 2 (Links), last field: Data
        assertEquals(0x12, enc[0] & 0xFF);
        assertEquals(0x0a, enc[enc.length - 4] & 0xFF);
        // a link with an empty name still writes the Name field (0x12 0x00)
        byte[] one = PbNode.encodeAsIs(List.of(new PbLink(a, "", 1)), null);
        String h = Multibase.BASE16.encodeRaw(one);
        assertTrue(h.endsWith("12001801"), h);
        assertArrayEquals(one, PbNode.decode(one).encode());
    }

    @Test
    void sortIsBytewiseAndStable() {
        Cid c1 = Cid.of(1, Cid.RAW, HashType.SHA2_256, new byte[]{1});
        Cid c2 = Cid.of(1, Cid.RAW, HashType.SHA2_256, new byte[]{2});
        List<PbLink> s = PbNode.sortLinks(List.of(new PbLink(c1, "é", 0), new PbLink(c2, "", 0), new PbLink(c1, "Z", 0),
                new PbLink(c1, "", 0), new PbLink(c1, "a", 0)));
        assertEquals(List.of("", "", "Z", "a", "é"), s.stream().map(PbLink::name).toList());
        assertEquals(c2, s.get(0).hash());
    }

    @Test
    void rejectsBrokenBlocks() {
        assertThrows(IllegalArgumentException.class, () -> PbNode.decode(new byte[]{0x0a, 0x05, 1}));
        assertThrows(IllegalArgumentException.class, () -> PbNode.decode(new byte[]{0x08, 0x01}));
        assertThrows(IllegalArgumentException.class, () -> PbNode.decode(new byte[]{0x12, 0x00}));
    }

    @Test
    void unixfsRoundTripAndKuboBytes() {
        assertEquals("08021800", Multibase.BASE16.encodeRaw(UnixfsData.file(null, 0, null).encode()));
        UnixfsData f = UnixfsData.file(null, 300, new long[]{262144, 38});
        UnixfsData g = UnixfsData.decode(f.encode());
        assertEquals(UnixfsType.FILE, g.type());
        assertEquals(300L, g.filesize());
        assertArrayEquals(new long[]{262144, 38}, g.blocksizes());
        assertNull(g.data());
        UnixfsData h = UnixfsData.hamtShard(new byte[]{1, 2}, 256, 0x22).withStat(0755, 1700000000L, 5);
        UnixfsData h2 = UnixfsData.decode(h.encode());
        assertEquals(UnixfsType.HAMT_SHARD, h2.type());
        assertEquals(256L, h2.fanout());
        assertEquals(0x22L, h2.hashType());
        assertEquals(0755, h2.mode());
        assertEquals(1700000000L, h2.mtimeSeconds());
        assertEquals(5, h2.mtimeNanos());
        assertArrayEquals(h.encode(), h2.encode());
        UnixfsData neg = UnixfsData.directory(null, -5L, null);
        assertEquals(-5L, UnixfsData.decode(neg.encode()).mtimeSeconds());
        assertThrows(IllegalArgumentException.class, () -> UnixfsData.decode(new byte[]{0x12, 0x01}));
    }
}
