package frontier.ipfs.unixfs;

/** UnixFS node types, numbered as in unixfs.proto. */
public enum UnixfsType {
    RAW, DIRECTORY, FILE, METADATA, SYMLINK, HAMT_SHARD;

    public static UnixfsType of(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("unknown UnixFS type " + code);
        }
        return values()[code];
    }
}
