package frontier.magics.ipfs;

/** A text result of an IPFS subcommand (get, id, pin): Kubo's lines and the node line. */
public record IpfsResult(String text) {
    @Override
    public String toString() {
        return text;
    }
}
