package frontier.magics.ipfs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** {@code ipfs cat}'s bytes, with the path and node they came from; toString is the text when it is UTF-8, a summary otherwise. */
public final class IpfsCatResult {
    private final String path;
    private final byte[] bytes;
    private final String node;

    public IpfsCatResult(String path, byte[] bytes, String node) {
        this.path = path;
        this.bytes = bytes; // not copied: a cat can be large, and nothing else holds them
        this.node = node;
    }

    public String path() {
        return path;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** "node: ..." as the other subcommands end. */
    public String node() {
        return node;
    }

    /** The bytes as text when they are UTF-8, else null. */
    public String text() {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        String t = text();
        return t != null ? t : "<" + bytes.length + " bytes of binary data from " + path + ">";
    }
}
