package frontier.store.s3;

import frontier.http.Http;
import frontier.store.ByteRequest;
import frontier.store.Store;
import frontier.store.StoreOptions;
import frontier.store.http.HttpStore;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read-only store over an S3 bucket, read anonymously (unsigned requests), as public buckets
 * such as IDR's allow: {@code s3://bucket/prefix} on an endpoint ({@link S3Location}). Objects are
 * plain HTTP GETs through the one HTTP client (so Range reads, retries, the deadline and the
 * in-flight bound are {@link HttpStore}'s); listing is ListObjectsV2 with '/' as delimiter, and
 * the sizes it returns answer {@link #size} and {@link #contains} without another request.
 * Errors name the object as {@code s3://bucket/key} with S3's error code (NoSuchBucket,
 * AccessDenied) and the endpoint; a missing key (404 NoSuchKey) is null, as in every store.
 * Credentials in the environment are not used: nothing is signed.
 */
public final class S3Store extends HttpStore {
    private final S3Location where;
    /** Keys per ListObjectsV2 page (S3's own default and maximum is 1000; 0 leaves it to the server). */
    private final int pageSize;
    /** Sizes of the objects listings returned (a listing is a snapshot: the bucket is read, not written). */
    private final Map<String, Long> listed = new ConcurrentHashMap<>();

    private S3Store(S3Location where, Options options, int pageSize) {
        super(where.bucketUrl() + encodePath(where.prefix()), options);
        this.where = where;
        this.pageSize = pageSize;
    }

    /** Opens s3://bucket/prefix; options.endpoint() (else the environment) says where. */
    public static S3Store open(String location, StoreOptions options) {
        return open(location, options, 0);
    }

    /** With pages of pageSize keys (tests make the server paginate small listings). */
    static S3Store open(String location, StoreOptions options, int pageSize) {
        return new S3Store(S3Location.parse(location, options.endpoint()), Options.defaults(), pageSize);
    }

    /** The endpoint the bucket is read from. */
    public URI endpoint() {
        return where.endpoint();
    }

    @Override
    protected byte[] answer(String key, ByteRequest bytes, Http.Reply reply) throws IOException {
        int status = reply.status();
        if (status / 100 == 2 || status == 416) return super.answer(key, bytes, reply);
        S3Xml.Error e = S3Xml.error(reply.body());
        if (status == 404 && (e == null || e.code().equals("NoSuchKey"))) return null;
        throw new IOException(describe(where.locate(key), e, status));
    }

    @Override
    protected IOException failure(String key, IOException e) {
        IOException wrapped = new IOException(where.locate(key) + " at endpoint " + where.endpoint() + ": " + e.getMessage(), e);
        return wrapped;
    }

    private String describe(String what, S3Xml.Error e, int status) {
        StringBuilder sb = new StringBuilder(what).append(": ");
        if (e != null) {
            sb.append(e.code());
            if (e.message() != null && !e.message().isBlank()) sb.append(" (").append(e.message().trim()).append(')');
            sb.append(", HTTP ").append(status);
        } else if (status == 403) {
            sb.append("AccessDenied (HTTP 403: not readable without credentials; requests are unsigned)");
        } else {
            sb.append("HTTP ").append(status);
        }
        return sb.append(" from endpoint ").append(where.endpoint()).toString();
    }

    @Override
    public long size(String key) throws IOException {
        Long s = listed.get(key);
        return s != null ? s : super.size(key);
    }

    @Override
    public boolean isListable() {
        return true;
    }

    /** ListObjectsV2 under the prefix, '/' as delimiter, every page: objects and "folders" directly under it. */
    @Override
    public List<String> list(String prefix) throws IOException {
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix += "/";
        String full = where.prefix() + prefix;
        TreeSet<String> names = new TreeSet<>();
        String token = null;
        for (int page = 0; ; page++) {
            StringBuilder q = new StringBuilder(where.bucketUrl()).append("?list-type=2&delimiter=%2F&encoding-type=url&prefix=").append(query(full));
            if (pageSize > 0) q.append("&max-keys=").append(pageSize);
            if (token != null) q.append("&continuation-token=").append(query(token));
            Http.Reply r = Store.await(exchange(URI.create(q.toString()), prefix, null));
            String what = "listing " + where.locate(prefix);
            if (r.status() != 200) throw new IOException(describe(what, S3Xml.error(r.body()), r.status()));
            S3Xml.ListPage p = S3Xml.listPage(r.body(), what);
            for (int i = 0; i < p.keys().size(); i++) {
                String k = p.keys().get(i);
                if (!k.startsWith(full) || k.length() == full.length()) continue; // the "folder" object itself
                String name = k.substring(full.length());
                if (!isChild(name)) continue;
                names.add(name);
                if (p.sizes().get(i) >= 0) listed.put(prefix + name, p.sizes().get(i));
            }
            for (String cp : p.prefixes()) {
                if (!cp.startsWith(full)) continue;
                String name = cp.substring(full.length());
                if (name.endsWith("/")) name = name.substring(0, name.length() - 1);
                if (isChild(name)) names.add(name);
            }
            if (!p.truncated()) break;
            if (p.nextToken() == null || p.nextToken().equals(token) || page > 100_000) {
                throw new IOException(what + ": the server said the listing goes on but gave no new continuation token");
            }
            token = p.nextToken();
        }
        return new ArrayList<>(names);
    }

    /** A plain name: S3 allows keys such as "a/../b", but they name no child of a folder. */
    private static boolean isChild(String name) {
        return !name.isEmpty() && !name.contains("/") && !name.equals(".") && !name.equals("..");
    }

    private static String query(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String locate(String key) {
        return where.locate(key);
    }

    /** s3://bucket/key, reopened in another process with that process's endpoint settings; none when --endpoint chose this one. */
    @Override
    public String address(String key) {
        return where.explicitEndpoint() ? null : where.locate(key);
    }

    @Override
    public String describe() {
        return where.locate("") + " (endpoint " + where.endpoint() + ")";
    }
}
