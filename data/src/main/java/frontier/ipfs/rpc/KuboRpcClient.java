package frontier.ipfs.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.http.BodyTooLargeException;
import frontier.http.Http;
import frontier.http.HttpTimeout;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.extract.Extracted;
import frontier.ipfs.extract.TarExtractor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A client of the Kubo RPC API ({@code /api/v0/...}; every call is a POST, as Kubo requires).
 * Works with Kubo and with js-ipfs's Kubo-compatible HTTP API. Errors carry the node's message
 * and the call. Speaks HTTP/1.1 through the one HTTP client ({@link Http}).
 */
public final class KuboRpcClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** No block is larger (Kubo makes at most 1 MiB, bitswap carries at most 2 MiB): a longer answer is refused. */
    private static final long BLOCK_LIMIT = 4 << 20;

    private final String base;
    private final Duration timeout;
    private final Http http = Http.shared();

    public KuboRpcClient(String url, Duration timeout) {
        this.base = RpcEndpoint.toUrl(url);
        this.timeout = timeout;
    }

    /** The node found through IPFS_API, ~/.ipfs/api, or 127.0.0.1:5001. */
    public static KuboRpcClient discover(Duration timeout) {
        return new KuboRpcClient(RpcEndpoint.discover(), timeout);
    }

    public String url() {
        return base;
    }

    // ---- plumbing ----

    /** A query string from name/value pairs; a null value is skipped, "arg" may repeat via List. */
    private static String query(Object... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v == null) continue;
            List<?> vs = v instanceof List<?> l ? l : List.of(v);
            for (Object x : vs) {
                sb.append(sb.length() == 0 ? '?' : '&').append(kv[i]).append('=')
                        .append(URLEncoder.encode(String.valueOf(x), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    private HttpResponse<InputStream> send(String command, String query, HttpRequest.BodyPublisher body, String contentType, Duration t) throws IOException {
        URI uri = URI.create(base + "/api/v0/" + command + query);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (contentType != null) rb.header("Content-Type", contentType);
        HttpResponse<InputStream> r;
        try {
            r = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream(), t);
        } catch (HttpTimeoutException e) {
            throw new RpcException("IPFS RPC " + command + " at " + base + " timed out: " + HttpTimeout.noAnswer(t), 0, e);
        } catch (ConnectException e) {
            throw new RpcException("no IPFS RPC node at " + base + " (" + command + "): connection refused", 0, e);
        } catch (java.io.InterruptedIOException e) {
            throw new RpcException("interrupted calling " + command + " on " + base, 0, e);
        } catch (IOException e) {
            throw new RpcException("IPFS RPC " + command + " at " + base + " failed: " + e.getMessage(), 0, e);
        }
        if (r.statusCode() != 200) {
            String msg;
            try (InputStream in = r.body()) {
                String text = new String(in.readNBytes(64 << 10), StandardCharsets.UTF_8);
                msg = text;
                try {
                    JsonNode j = JSON.readTree(text);
                    if (j != null && j.has("Message")) msg = j.get("Message").asText();
                } catch (IOException notJson) {
                    // keep the raw text
                }
            }
            throw new RpcException("IPFS RPC " + command + " at " + base + " answered HTTP " + r.statusCode() + ": " + msg.strip(), r.statusCode(), null);
        }
        return r;
    }

    private byte[] bytes(String command, String query) throws IOException {
        return bytes(command, query, null, null);
    }

    private byte[] bytes(String command, String query, HttpRequest.BodyPublisher body, String type) throws IOException {
        return bytes(command, query, body, type, Http.MAX_BODY);
    }

    /** The answer's body, read up to limit bytes: past it, reading stops with an error. */
    private byte[] bytes(String command, String query, HttpRequest.BodyPublisher body, String type, long limit) throws IOException {
        HttpResponse<InputStream> r = send(command, query, body, type, timeout);
        byte[] b;
        try (InputStream in = r.body()) {
            b = in.readNBytes((int) Math.min(limit, Http.MAX_BODY));
            if (in.read() >= 0) {
                throw new BodyTooLargeException("IPFS RPC " + command + " at " + base + ": the answer is larger than the limit of "
                        + limit + " bytes; stopped reading", limit);
            }
        }
        // Kubo reports errors that happen mid-stream in a trailer it announces up front.
        var streamError = r.headers().firstValue("X-Stream-Error");
        if (streamError.isPresent() && !streamError.get().isBlank()) {
            throw new RpcException("IPFS RPC " + command + " at " + base + " failed mid-stream: " + streamError.get(), 200, null);
        }
        return b;
    }

    private JsonNode json(String command, String query) throws IOException {
        return JSON.readTree(bytes(command, query));
    }

    /** Newline-delimited JSON objects (add, pin ls --stream). */
    private static List<JsonNode> ndjson(byte[] b) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(b, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) out.add(JSON.readTree(line));
        }
        return out;
    }

    // ---- commands ----

    public JsonNode version() throws IOException {
        return json("version", "");
    }

    public JsonNode id() throws IOException {
        return json("id", "");
    }

    /** True when a node answers {@code id} within the given time. */
    public boolean isAvailable(Duration within) {
        try {
            HttpResponse<InputStream> r = send("id", "", null, null, within);
            r.body().close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public byte[] cat(String path) throws IOException {
        return bytes("cat", query("arg", path));
    }

    public byte[] cat(String path, long offset, long length) throws IOException {
        return bytes("cat", query("arg", path, "offset", offset, "length", length));
    }

    /** A link as {@code ls} lists it (Type: 1 directory, 2 file, 4 symlink, as Kubo numbers them). */
    public record LsLink(String name, String hash, long size, int type) {
    }

    public List<LsLink> ls(String path) throws IOException {
        JsonNode j = json("ls", query("arg", path));
        List<LsLink> out = new ArrayList<>();
        for (JsonNode o : j.path("Objects")) {
            for (JsonNode l : o.path("Links")) {
                out.add(new LsLink(l.path("Name").asText(), l.path("Hash").asText(), l.path("Size").asLong(), l.path("Type").asInt()));
            }
        }
        return out;
    }

    /** The raw block, or null when the node says it has no such block. */
    public byte[] blockGet(Cid cid) throws IOException {
        try {
            return bytes("block/get", query("arg", cid.toString()), null, null, BLOCK_LIMIT);
        } catch (RpcException e) {
            String m = e.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (e.status() >= 400 && (m.contains("not found") || m.contains("could not find") || m.contains("offline"))) return null;
            throw e;
        }
    }

    /** Stores a block; returns the CID the node computed. */
    public String blockPut(byte[] block, String cidCodec, String mhtype) throws IOException {
        Multipart mp = new Multipart();
        mp.file("file", "block", block);
        JsonNode j = JSON.readTree(bytes("block/put", query("cid-codec", cidCodec, "format", "raw".equals(cidCodec) ? "raw" : null, "mhtype", mhtype), mp.publisher(), mp.contentType()));
        return j.path("Key").asText();
    }

    /** The DAG under cid as a CAR v1 stream. */
    public byte[] dagExport(String cid) throws IOException {
        return bytes("dag/export", query("arg", cid));
    }

    public void pinAdd(String path) throws IOException {
        bytes("pin/add", query("arg", path));
    }

    /** Pinned CIDs and their type (recursive, direct, indirect). */
    public Map<String, String> pinLs(String type) throws IOException {
        JsonNode j = json("pin/ls", query("type", type));
        Map<String, String> out = new LinkedHashMap<>();
        j.path("Keys").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().path("Type").asText()));
        return out;
    }

    public List<String> swarmPeers() throws IOException {
        JsonNode j = json("swarm/peers", "");
        List<String> out = new ArrayList<>();
        for (JsonNode p : j.path("Peers")) out.add(p.path("Addr").asText() + "/p2p/" + p.path("Peer").asText());
        return out;
    }

    public JsonNode swarmConnect(String multiaddr) throws IOException {
        return json("swarm/connect", query("arg", multiaddr));
    }

    /** One {@code added} event of {@link #add}. */
    public record Added(String name, String hash, long size) {
    }

    /**
     * Adds files and directories (a multipart body with one part per file and directory, paths
     * relative to each argument's parent, as Kubo's CLI sends them). options are add's query
     * flags (cid-version, raw-leaves, chunker, wrap-with-directory, pin, only-hash, ...).
     */
    public List<Added> add(List<Path> paths, Map<String, String> options, boolean hidden) throws IOException {
        Multipart mp = new Multipart();
        for (Path p : paths) {
            Path top = p.toAbsolutePath().normalize();
            Path parent = top.getParent();
            if (Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.walk(top)) {
                    for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                        String rel = parent.relativize(f).toString().replace('\\', '/');
                        if (!hidden && !f.equals(top) && f.getFileName().toString().startsWith(".")) continue;
                        if (!hidden && rel.contains("/.")) continue;
                        if (Files.isSymbolicLink(f)) {
                            mp.symlink(rel, Files.readSymbolicLink(f).toString());
                        } else if (Files.isDirectory(f)) {
                            mp.directory(rel);
                        } else {
                            mp.file("file", rel, f);
                        }
                    }
                }
            } else {
                mp.file("file", top.getFileName().toString(), top);
            }
        }
        Object[] q = new Object[options.size() * 2 + 2];
        int i = 0;
        for (Map.Entry<String, String> e : options.entrySet()) {
            q[i++] = e.getKey();
            q[i++] = e.getValue();
        }
        q[i++] = "stream-channels";
        q[i] = "true";
        List<Added> out = new ArrayList<>();
        for (JsonNode j : ndjson(bytes("add", query(q), mp.publisher(), mp.contentType()))) {
            if (j.has("Hash")) out.add(new Added(j.path("Name").asText(), j.path("Hash").asText(), j.path("Size").asLong()));
        }
        return out;
    }

    /**
     * {@code get -o target}: the object at path becomes target (a file or a folder), as Kubo's
     * {@code -o} means it. The node's tar is untrusted: {@link TarExtractor} unpacks it into a
     * hidden staging folder beside target, refusing names that leave it, duplicates, writes
     * through links and links that lead outside, then moves the object into place.
     */
    public Extracted getTo(String path, Path target) throws IOException {
        byte[] tar = bytes("get", query("arg", path));
        return TarExtractor.extract(new ByteArrayInputStream(tar), path, target, "the tar from " + base);
    }

    @Override
    public void close() {
        // the shared client's connections outlive this client
    }

    @Override
    public String toString() {
        return "IPFS RPC " + base;
    }
}
