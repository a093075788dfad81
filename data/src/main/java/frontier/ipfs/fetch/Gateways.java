package frontier.ipfs.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which trustless gateways to use, found as ipfsspec finds them: {@code IPFS_GATEWAY} (one URL, or
 * several separated by whitespace or commas, tried in order), else ipfsspec's older
 * {@code IPFSSPEC_GATEWAYS} (whitespace-separated), else the {@code gateway} file of the IPFS
 * repo ({@code $IPFS_PATH/gateway} or {@code ~/.ipfs/gateway}, IPIP-280). No public gateway is
 * used unless configured.
 */
public final class Gateways {
    private Gateways() {
    }

    public static List<String> fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static List<String> fromEnvironment(Map<String, String> env, Path home) {
        String v = System.getProperty("frontier.ipfs.gateway");
        if (v == null || v.isBlank()) v = env.get("IPFS_GATEWAY");
        if (v == null || v.isBlank()) v = env.get("IPFSSPEC_GATEWAYS");
        if (v == null || v.isBlank()) {
            String ipfsPath = env.get("IPFS_PATH");
            Path file = (ipfsPath != null && !ipfsPath.isBlank() ? Path.of(ipfsPath) : home.resolve(".ipfs")).resolve("gateway");
            try {
                if (Files.isRegularFile(file)) v = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                v = null;
            }
        }
        return parse(v);
    }

    /** Splits a gateway list on whitespace and commas; drops empties. */
    public static List<String> parse(String v) {
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        for (String s : v.trim().split("[\\s,]+")) {
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }
}
