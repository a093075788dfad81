package frontier.spark.ipfs;

import java.net.URI;

/** The few multiaddr forms routing records need: an HTTP(S) gateway address and back. */
final class Multiaddrs {
    private Multiaddrs() {
    }

    /** http://HOST:PORT as /ip4/HOST/tcp/PORT/http (/ip6, /dns for names; /tls/http for https). */
    static String ofUrl(String url) {
        URI u = URI.create(url);
        String host = u.getHost();
        if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
        String proto = host.contains(":") ? "ip6" : host.matches("[0-9.]+") ? "ip4" : "dns";
        int port = u.getPort() > 0 ? u.getPort() : ("https".equals(u.getScheme()) ? 443 : 80);
        return "/" + proto + "/" + host + "/tcp/" + port + ("https".equals(u.getScheme()) ? "/tls/http" : "/http");
    }

    /** The URL of an HTTP multiaddr, or null when it is not one. */
    static String httpUrl(String addr) {
        String[] p = addr.split("/");
        if (p.length < 6 || !p[0].isEmpty()) return null;
        String host;
        switch (p[1]) {
            case "ip4", "dns", "dns4", "dns6" -> host = p[2];
            case "ip6" -> host = "[" + p[2] + "]";
            default -> {
                return null;
            }
        }
        if (!p[3].equals("tcp") || !p[4].matches("\\d{1,5}")) return null;
        String rest = String.join("/", java.util.Arrays.copyOfRange(p, 5, p.length));
        if (rest.equals("http")) return "http://" + host + ":" + p[4];
        if (rest.equals("tls/http") || rest.equals("https")) return "https://" + host + ":" + p[4];
        return null;
    }
}
