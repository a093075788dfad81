package frontier.magics.ipfs;

import frontier.ipfs.resolve.IpfsPath;
import frontier.magics.MagicException;

import java.io.IOException;

/** Shared bits of the ipfs subcommands: path parsing and turning failures into user errors. */
final class IpfsCommands {
    private IpfsCommands() {
    }

    static IpfsPath parse(String s) {
        try {
            return IpfsPath.parse(s);
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage(), e);
        }
    }

    /** A fetch/RPC failure as a user error; the message already names the CID, path or node. */
    static MagicException fail(IOException e) {
        return new MagicException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
}
