package frontier.ipfs.cid;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** Vectors: Kubo's well-known empty-directory / empty-file CIDs, and values computed with Python's hashlib + base64. */
class CidTest {
    static byte[] hex(String s) {
        return Multibase.BASE16.decodeRaw(s);
    }

    @Test
    void emptyDirectoryV0AndV1AsKuboPrintsThem() {
        byte[] block = hex("0a020801");
        Cid v0 = Cid.of(0, Cid.DAG_PB, HashType.SHA2_256, block);
        assertEquals("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", v0.toString());
        assertEquals("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354", v0.toString(Multibase.BASE32));
        assertEquals("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", v0.toString(Multibase.BASE58BTC));
        Cid v1 = Cid.parse("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354");
        assertEquals(1, v1.version());
        assertEquals(Cid.DAG_PB, v1.codec());
        assertEquals(v0.toV1(), v1);
        assertNotEquals(v0, v1);
        assertEquals(v0, Cid.parse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn"));
        assertTrue(v1.verify(block));
        assertFalse(v1.verify(hex("0a020802")));
    }

    @Test
    void emptyFileV0() {
        assertEquals("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH",
                Cid.of(0, Cid.DAG_PB, HashType.SHA2_256, hex("0a0408021800")).toString());
    }

    @Test
    void rawLeafV1() {
        Cid c = Cid.of(1, Cid.RAW, HashType.SHA2_256, "hello world".getBytes(StandardCharsets.UTF_8));
        assertEquals("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", c.toString());
        Cid p = Cid.parse(c.toString());
        assertEquals(c, p);
        assertEquals(Cid.RAW, p.codec());
        // the same CID in every base parses back
        for (Multibase b : Multibase.values()) {
            String s = c.toString(b);
            assertEquals(b.prefix(), s.charAt(0));
            assertEquals(c, Cid.parse(s), b.multibaseName());
        }
        assertEquals("zb2rhj7crUKTQYRGCRATFaQ6YFLTde2YzdqbbhAASkL9uRDXn", c.toString(Multibase.BASE58BTC));
        assertArrayEquals(c.bytes(), Cid.decode(c.bytes()).bytes());
    }

    @Test
    void hashFunctions() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319",
                Multibase.BASE16.encodeRaw(HashType.BLAKE2B_256.digest(abc)));
        assertEquals("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
                Multibase.BASE16.encodeRaw(HashType.SHA2_512.digest(abc)));
        // BLAKE3 of the empty input (the reference implementation's published vector)
        assertEquals("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
                Multibase.BASE16.encodeRaw(HashType.BLAKE3.digest(new byte[0])));
        Multihash b2 = Multihash.of(HashType.BLAKE2B_256, abc);
        assertEquals("a0e40220", Multibase.BASE16.encodeRaw(b2.bytes()).substring(0, 8));
        assertTrue(b2.verify(abc));
        assertEquals(b2, Multihash.decode(b2.bytes()));
        Multihash id = Multihash.of(HashType.IDENTITY, abc);
        assertEquals("0003616263", Multibase.BASE16.encodeRaw(id.bytes()));
        assertTrue(id.verify(abc));
        assertFalse(id.verify("abd".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(HashType.BLAKE3, HashType.byName("blake3"));
        assertThrows(IllegalArgumentException.class, () -> HashType.byName("md5"));
    }

    @Test
    void varints() {
        long[] values = {0, 1, 127, 128, 255, 300, 16383, 16384, 0xb220, (1L << 62)};
        for (long v : values) {
            byte[] e = Varint.encode(v);
            assertEquals(Varint.size(v), e.length);
            int[] pos = {0};
            assertEquals(v, Varint.read(e, pos));
            assertEquals(e.length, pos[0]);
        }
        assertArrayEquals(new byte[]{(byte) 0xac, 0x02}, Varint.encode(300));
        assertThrows(IllegalArgumentException.class, () -> Varint.read(new byte[]{(byte) 0x80}, new int[]{0}));
        assertThrows(IllegalArgumentException.class, () -> Varint.read(new byte[]{(byte) 0x80, 0x00}, new int[]{0}));
    }

    @Test
    void malformedCidsNameTheString() {
        String[] bad = {"", "Qm123", "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf35",
                "bafy!", "xyz", "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3N0", "zQmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn"};
        for (String s : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cid.parse(s), s);
            if (!s.isEmpty()) {
                assertTrue(e.getMessage().contains(s), e.getMessage());
            }
        }
    }

    @Test
    void base36AndBase58RoundTrip() {
        byte[] data = {0, 0, 1, 2, (byte) 255, 7};
        for (Multibase b : Multibase.values()) {
            assertArrayEquals(data, Multibase.decode(b.encode(data)), b.multibaseName());
        }
        assertEquals("z1112", Multibase.BASE58BTC.encode(new byte[]{0, 0, 0, 1}));
        assertEquals("k0001", Multibase.BASE36.encode(new byte[]{0, 0, 0, 1}));
    }
}
