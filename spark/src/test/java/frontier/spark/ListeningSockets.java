package frontier.spark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets some processes listen on, from Linux's /proc (each process's socket inodes, and
 * /proc/net/tcp and tcp6 for the listening ones): to check that nothing listens beyond loopback.
 */
final class ListeningSockets {
    private ListeningSockets() {
    }

    /** "ADDRESS:PORT" of every listening socket of these processes (addresses as hex from /proc, decoded). */
    static List<String> of(List<Long> pids) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (long pid : pids) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
                for (Path fd : fds) {
                    try {
                        String t = Files.readSymbolicLink(fd).toString();
                        if (t.startsWith("socket:[")) inodes.add(t.substring(8, t.length() - 1));
                    } catch (IOException gone) {
                        // closed meanwhile
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (!f[3].equals("0A") || !inodes.contains(f[9])) continue; // 0A: LISTEN
                String[] local = f[1].split(":");
                out.add(address(local[0]) + ":" + Integer.parseInt(local[1], 16));
            }
        }
        return out;
    }

    /** /proc's little-endian hex words as an address: 0100007F is 127.0.0.1; IPv6 maps ::ffff:a.b.c.d. */
    private static String address(String hex) {
        if (hex.length() == 8) return ipv4(hex);
        if (hex.startsWith("0000000000000000FFFF0000")) return "::ffff:" + ipv4(hex.substring(24));
        if (hex.equals("00000000000000000000000001000000")) return "::1";
        if (hex.matches("0+")) return "::";
        return hex;
    }

    private static String ipv4(String hex) {
        int v = (int) Long.parseLong(hex, 16);
        return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >>> 24) & 0xff);
    }

    static boolean loopback(String addressAndPort) {
        String a = addressAndPort.substring(0, addressAndPort.lastIndexOf(':'));
        return a.startsWith("127.") || a.equals("::1") || a.startsWith("::ffff:127.");
    }
}
