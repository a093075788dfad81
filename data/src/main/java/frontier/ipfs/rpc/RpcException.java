package frontier.ipfs.rpc;

import java.io.IOException;

/** The RPC node answered with an error (Kubo's {@code {"Message": ..., "Code": ...}}) or could not be reached. */
public final class RpcException extends IOException {
    private final int status;

    public RpcException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when the node could not be reached. */
    public int status() {
        return status;
    }
}
