package frontier.ipfs;

import frontier.ipfs.cid.Cid;

/**
 * One entry of {@link Ipfs#ls}: its name in the directory (as data, unescaped: escape it with
 * {@code frontier.text.TerminalText} before printing), CID, type and size (file bytes, the
 * target's length for a symlink, -1 for a directory).
 */
public record LsEntry(String name, Cid cid, Type type, long size) {
    public enum Type { FILE, DIRECTORY, SYMLINK }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }
}
