package frontier.ome;

import java.io.IOException;

/** OME-Zarr metadata that is missing, malformed or unsupported; the message names the file and says what is wrong. */
public class OmeException extends IOException {
    public OmeException(String message) {
        super(message);
    }

    public OmeException(String message, Throwable cause) {
        super(message, cause);
    }
}
