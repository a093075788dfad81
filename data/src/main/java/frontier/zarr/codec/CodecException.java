package frontier.zarr.codec;

import java.io.IOException;

/** Encoded bytes that a codec cannot decode: corrupt, truncated, or lying about their sizes. */
public class CodecException extends IOException {
    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
