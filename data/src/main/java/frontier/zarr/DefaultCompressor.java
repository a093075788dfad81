package frontier.zarr;

import frontier.zarr.codec.Codecs;

import java.util.LinkedHashMap;
import java.util.Map;

/** zarr-python 2.13's default compressor (Blosc lz4, clevel 5, shuffle), or zlib while blosc is unavailable. */
final class DefaultCompressor {
    private DefaultCompressor() {
    }

    static Map<String, Object> get() {
        Map<String, Object> blosc = new LinkedHashMap<>();
        blosc.put("blocksize", 0);
        blosc.put("clevel", 5);
        blosc.put("cname", "lz4");
        blosc.put("id", "blosc");
        blosc.put("shuffle", 1);
        try {
            Codecs.fromConfig(blosc);
            return blosc;
        } catch (Exception e) {
            Map<String, Object> zlib = new LinkedHashMap<>();
            zlib.put("id", "zlib");
            zlib.put("level", 1);
            return zlib;
        }
    }
}
