package frontier.spark.ipfs;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerIdTest {
    @Test
    void sameIdAsJsIpfsGivesItsKey() {
        // a js-ipfs 0.66 daemon's `id`: its PublicKey (protobuf, base64) and its ID
        byte[] pb = Base64.getDecoder().decode("CAESIAnaxV9HhlT2Ti2gxxMxNcXa9BVSFaejVQCa8JQlVX2A");
        assertEquals(36, pb.length);
        assertEquals("12D3KooWAUqKXbvb6GtBnukMCoPQd89ykXznozTpC2ahWmrx6sU3", PeerId.fromEd25519(Arrays.copyOfRange(pb, 4, 36)));
    }

    @Test
    void freshIdsAreEd25519PeerIds() {
        String a = PeerId.random(), b = PeerId.random();
        assertTrue(a.startsWith("12D3KooW") && a.length() == 52, a);
        assertNotEquals(a, b);
    }

    @Test
    void gatewayMultiaddrs() {
        assertEquals("/ip4/127.0.0.1/tcp/8080/http", Multiaddrs.ofUrl("http://127.0.0.1:8080"));
        assertEquals("/dns/example.org/tcp/443/tls/http", Multiaddrs.ofUrl("https://example.org"));
        assertEquals("http://127.0.0.1:8080", Multiaddrs.httpUrl("/ip4/127.0.0.1/tcp/8080/http"));
        assertEquals("https://example.org:443", Multiaddrs.httpUrl("/dns/example.org/tcp/443/tls/http"));
        assertEquals("http://[::1]:80", Multiaddrs.httpUrl("/ip6/::1/tcp/80/http"));
        assertEquals(null, Multiaddrs.httpUrl("/ip4/127.0.0.1/tcp/4001"));
        assertEquals(null, Multiaddrs.httpUrl("/ip4/127.0.0.1/udp/4001/quic-v1"));
    }
}
