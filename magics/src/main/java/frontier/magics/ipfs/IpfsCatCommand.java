package frontier.magics.ipfs;

import frontier.display.Displayable;
import frontier.ipfs.Ipfs;
import frontier.ipfs.resolve.IpfsPath;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ipfs cat CID[/path]}: the file's bytes, every block verified. */
@Command(name = "cat", mixinStandardHelpOptions = true, description = "Show IPFS object data (a file, by CID or CID/path).")
public final class IpfsCatCommand implements Magic {
    @Parameters(paramLabel = "PATH", description = "CID, CID/path, /ipfs/CID/path or ipfs://CID/path")
    String path;
    @Option(names = {"-o", "--offset"}, description = "Byte offset to begin reading from.")
    long offset;
    @Option(names = {"-l", "--length"}, description = "Maximum number of bytes to read.")
    Long length;
    @Mixin
    IpfsNodeChoice choice = new IpfsNodeChoice();

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public Object call() {
        IpfsPath p = IpfsCommands.parse(path);
        Ipfs ipfs = choice.select();
        byte[] b;
        try {
            b = ipfs.cat(p.toString(), offset, length == null ? Long.MAX_VALUE : length);
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        String node = IpfsNodeChoice.line(ipfs);
        if (context != null && context.isNotebook()) context.err().println(node);
        return new CatResult(p.toString(), b, node);
    }

    /** The bytes; text/plain is the text when it is UTF-8, a summary otherwise. */
    public static final class CatResult implements Displayable {
        private final String path;
        private final byte[] bytes;
        private final String node;

        CatResult(String path, byte[] bytes, String node) {
            this.path = path;
            this.bytes = bytes;
            this.node = node;
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        private String text() {
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

        @Override
        public Map<String, Object> mimeBundle() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text/plain", toString());
            String t = text();
            m.put("text/html", "<div style=\"font-size:12px;color:#666\">" + frontier.text.Html.escape(path) + " &middot; " + bytes.length + " bytes &middot; "
                    + frontier.text.Html.escape(node) + "</div><pre style=\"margin:0\">" + frontier.text.Html.escape(t != null ? t : toString()) + "</pre>");
            return m;
        }
    }
}
