package frontier.zarr;

import java.io.IOException;

/** Zarr metadata or chunk data that cannot be used: the message names the key or URL at fault. */
public class ZarrFormatException extends IOException {
    public ZarrFormatException(String message) {
        super(message);
    }

    public ZarrFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
