package frontier.store.s3;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an {@code s3://bucket/prefix} location is served: the endpoint ({@code --endpoint}, else
 * {@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL}, else AWS in {@code AWS_REGION}), and
 * the bucket's URL on it. AWS's own endpoints are addressed virtual-hosted style
 * ({@code https://bucket.s3.REGION.amazonaws.com/}) when the bucket name allows (no dots: TLS
 * certificates cover one label); other endpoints path style ({@code https://host/bucket/}), as
 * S3-compatible servers (Ceph, MinIO, EBI's Embassy, a loopback test server) serve.
 */
record S3Location(String bucket, String prefix, URI endpoint, boolean explicitEndpoint, boolean virtualHosted) {
    /** Bucket names as S3 allows them (3-63 of a-z 0-9 . -), plus '_' and capitals that older buckets and other servers allow. */
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,254}");

    /** s3://bucket/a/b.zarr: the bucket and the key prefix ("" or ending in '/'). */
    static S3Location parse(String location, String endpointOption) {
        if (!location.regionMatches(true, 0, "s3://", 0, 5)) throw new IllegalArgumentException("not an s3:// location: " + location);
        String rest = location.substring(5);
        int q = rest.indexOf('?');
        if (q >= 0) throw new IllegalArgumentException(location + ": s3:// locations take no query ('?')");
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!BUCKET.matcher(bucket).matches()) throw new IllegalArgumentException(location + ": '" + bucket + "' is not a bucket name");
        while (prefix.startsWith("/")) prefix = prefix.substring(1);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix += "/";
        for (String seg : prefix.split("/")) {
            if (seg.equals("..") || seg.equals(".")) throw new IllegalArgumentException(location + ": '" + seg + "' in an s3:// key");
        }
        String configured = endpointOption;
        boolean explicit = configured != null;
        if (configured == null) configured = env("AWS_ENDPOINT_URL_S3");
        if (configured == null) configured = env("AWS_ENDPOINT_URL");
        URI endpoint;
        boolean aws;
        if (configured == null) {
            String region = env("AWS_REGION");
            if (region == null) region = env("AWS_DEFAULT_REGION");
            endpoint = URI.create(region == null || region.equals("us-east-1") ? "https://s3.amazonaws.com" : "https://s3." + region + ".amazonaws.com");
            aws = true;
        } else {
            endpoint = endpoint(configured);
            aws = endpoint.getHost().toLowerCase(Locale.ROOT).endsWith(".amazonaws.com");
        }
        boolean virtual = aws && !bucket.contains(".") && bucket.equals(bucket.toLowerCase(Locale.ROOT));
        return new S3Location(bucket, prefix, endpoint, explicit, virtual);
    }

    /** http(s)://host[:port][/path] without query or trailing slash. */
    static URI endpoint(String url) {
        URI u;
        try {
            u = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("S3 endpoint '" + url + "' is not a URL", e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || u.getRawQuery() != null) {
            throw new IllegalArgumentException("S3 endpoint '" + url + "' is not an http(s)://host[:port] URL");
        }
        String s = u.toString();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return URI.create(s);
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The bucket's URL, ending in '/': where ListObjectsV2 is asked. */
    String bucketUrl() {
        if (virtualHosted) {
            String port = endpoint.getPort() >= 0 ? ":" + endpoint.getPort() : "";
            String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
            return endpoint.getScheme() + "://" + bucket + "." + endpoint.getHost() + port + path + "/";
        }
        return endpoint + "/" + bucket + "/";
    }

    /** "s3://bucket/prefix/key". */
    String locate(String key) {
        return "s3://" + bucket + "/" + prefix + key;
    }
}
