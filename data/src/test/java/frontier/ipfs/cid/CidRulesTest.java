package frontier.ipfs.cid;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** boxo verifcid's rules, made strict on digest length: the CIDs and Kubo's own forms. */
class CidRulesTest {
    @Test
    void truncatedDigestsCannotVouchForAnything() {
        Cid empty = Cid.parse("bafkreaa");
        assertEquals(0, empty.multihash().digestLength());
        assertFalse(empty.verify("whatever a gateway sends".getBytes(StandardCharsets.UTF_8)), "no prefix match");
        assertEquals("CID bafkreaa cannot be verified: its sha2-256 digest is 0 bytes, not the function's full 32 (a truncated digest cannot verify a block: digest too small)",
                CidRules.describe(empty));
        Cid one = Cid.parse("bafkreakw");
        assertEquals(1, one.multihash().digestLength());
        assertTrue(CidRules.problem(one).contains("digest is 1 bytes"));
        byte[] d = HashType.SHA2_256.digest(new byte[0]);
        Cid twenty = Cid.v1(Cid.RAW, new Multihash(0x12, java.util.Arrays.copyOf(d, 20))); // boxo's minimum, still truncated
        assertTrue(CidRules.problem(twenty).contains("20 bytes"));
    }

    @Test
    void fullDigestsOfFunctionsWeComputePass() {
        assertNull(CidRules.problem(Cid.parse("bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi")));
        assertNull(CidRules.problem(Cid.parse("QmWATWQ7fVPP2EFGu71UkfnqhYXDYH566qy47CnJDgvs8u")));
        for (HashType t : HashType.values()) {
            if (t != HashType.IDENTITY) assertNull(CidRules.problem(Cid.of(1, Cid.RAW, t, new byte[]{1, 2, 3})), t.hashName());
        }
        Cid sha3 = Cid.v1(Cid.RAW, new Multihash(0x16, new byte[32])); // sha3-256: boxo allows it, we cannot check it
        assertTrue(CidRules.problem(sha3).contains("0x16 is not one Frontier can check"));
    }

    @Test
    void identityCidsAreCappedAsInKubo() {
        assertNull(CidRules.problem(Cid.of(1, Cid.RAW, HashType.IDENTITY, new byte[128])));
        assertNull(CidRules.problem(Cid.parse("bafkqaaa"))); // the empty identity CID gateways answer probes with
        assertTrue(CidRules.problem(Cid.of(1, Cid.RAW, HashType.IDENTITY, new byte[129])).contains("129 bytes, more than the 128"));
    }
}
