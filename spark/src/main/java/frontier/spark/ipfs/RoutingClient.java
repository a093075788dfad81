package frontier.spark.ipfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.ipfs.cid.Cid;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Asks a Delegated Routing V1 endpoint who provides a block ({@code GET /routing/v1/providers/{cid}}). */
public final class RoutingClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Duration timeout;
    private final HttpClient client;

    public RoutingClient(String url, Duration timeout) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public String url() {
        return base;
    }

    /** The providers the endpoint lists (empty on 404); an IOException when it cannot be asked. */
    public List<Provider> providers(Cid cid) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + RoutingServer.PREFIX + cid.toV1()))
                .timeout(timeout).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> r;
        try {
            r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted asking " + base + " for providers of " + cid);
        }
        if (r.statusCode() == 404) return List.of();
        if (r.statusCode() != 200) throw new IOException("routing endpoint " + base + " answered HTTP " + r.statusCode() + " for " + cid);
        JsonNode root = JSON.readTree(r.body());
        List<Provider> out = new ArrayList<>();
        for (JsonNode p : root.path("Providers")) {
            if (!"peer".equals(p.path("Schema").asText())) continue; // unknown schemas are skipped, as the spec says
            List<String> addrs = new ArrayList<>();
            for (JsonNode a : p.path("Addrs")) addrs.add(a.asText());
            List<String> protos = new ArrayList<>();
            for (JsonNode a : p.path("Protocols")) protos.add(a.asText());
            String name = p.path("FrontierName").asText(null);
            out.add(new Provider(name, p.path("ID").asText(), addrs, protos));
        }
        return out;
    }
}
