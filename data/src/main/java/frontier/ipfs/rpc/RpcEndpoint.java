package frontier.ipfs.rpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the Kubo RPC API is, found as Kubo's own CLI finds it: {@code IPFS_API} (a multiaddr such
 * as {@code /ip4/127.0.0.1/tcp/5001} or a URL), else the {@code api} file of the repo
 * ({@code $IPFS_PATH/api}, default {@code ~/.ipfs/api}), else {@code http://127.0.0.1:5001}.
 */
public final class RpcEndpoint {
    public static final String DEFAULT = "http://127.0.0.1:5001";

    private RpcEndpoint() {
    }

    public static String discover() {
        String prop = System.getProperty("frontier.ipfs.api");
        if (prop != null && !prop.isBlank()) return toUrl(prop.trim());
        return discover(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static String discover(Map<String, String> env, Path home) {
        String v = env.get("IPFS_API");
        if (v != null && !v.isBlank()) return toUrl(v.trim());
        String repo = env.get("IPFS_PATH");
        Path api = (repo != null && !repo.isBlank() ? Path.of(repo) : home.resolve(".ipfs")).resolve("api");
        try {
            if (Files.isRegularFile(api)) {
                String s = Files.readString(api, StandardCharsets.UTF_8).trim();
                if (!s.isEmpty()) return toUrl(s);
            }
        } catch (IOException ignored) {
            // unreadable api file: fall back to the default address
        }
        return DEFAULT;
    }

    /** A multiaddr ({@code /ip4/H/tcp/P}, {@code /ip6/H/tcp/P}, {@code /dns4/H/tcp/P}, optional {@code /http(s)}) or URL to a base URL. */
    public static String toUrl(String addr) {
        if (addr.startsWith("http://") || addr.startsWith("https://")) {
            return addr.endsWith("/") ? addr.substring(0, addr.length() - 1) : addr;
        }
        if (!addr.startsWith("/")) {
            if (addr.matches("[A-Za-z0-9.\\-]+:\\d+")) return "http://" + addr;
            throw new IllegalArgumentException("not a multiaddr or URL: '" + addr + "' (expected e.g. /ip4/127.0.0.1/tcp/5001)");
        }
        String[] p = addr.substring(1).split("/");
        String host = null;
        String port = null;
        String scheme = "http";
        for (int i = 0; i < p.length; i++) {
            switch (p[i]) {
                case "ip4", "dns", "dns4", "dns6" -> host = p[++i];
                case "ip6" -> host = "[" + p[++i] + "]";
                case "tcp" -> port = p[++i];
                case "http" -> scheme = "http";
                case "https", "tls" -> scheme = "https";
                default -> throw new IllegalArgumentException("unsupported multiaddr part '" + p[i] + "' in " + addr);
            }
        }
        if (host == null || port == null) throw new IllegalArgumentException("multiaddr needs a host and a tcp port: " + addr);
        return scheme + "://" + host + ":" + port;
    }
}
