package frontier.ipfs.resolve;

/** A malformed content path (bad CID, ".." segments, IPNS); the message names the path. */
public final class InvalidIpfsPathException extends IllegalArgumentException {
    public InvalidIpfsPathException(String path, String why) {
        super("invalid IPFS path '" + path + "': " + why);
    }
}
