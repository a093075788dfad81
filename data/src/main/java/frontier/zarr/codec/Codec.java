package frontier.zarr.codec;

import java.io.IOException;
import java.util.Map;

/**
 * A numcodecs codec (a Zarr v2 compressor or filter) on bytes. Configurations are the JSON
 * objects of .zarray ({"id": "blosc", "cname": "lz4", ...}); {@link Codecs#fromConfig} builds them.
 * Implementations are thread-safe and stateless between calls.
 */
public interface Codec {
    /** Decodes one chunk's bytes. Bad input throws {@link CodecException}, never a runtime exception from deep inside. */
    byte[] decode(byte[] encoded) throws IOException;

    /** Encodes one chunk's bytes; itemSize is the array's element size (blosc's typesize). */
    byte[] encode(byte[] raw, int itemSize) throws IOException;

    /** The configuration as .zarray stores it, "id" first. */
    Map<String, Object> config();
}
