package frontier.magics.core;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code %cat PATH}: shows a text file, as IPython's %pycat; JSON is pretty-printed and highlighted. */
@Command(name = "cat", mixinStandardHelpOptions = true,
        description = {"Show a text file; JSON is pretty-printed (and highlighted in a notebook).",
                "JSON means .json, .zattrs, .zarray, .zgroup, .zmetadata, or any file that parses as a JSON",
                "object or array. Binary files are refused."})
public final class CatCommand implements Magic {
    /** Larger files are refused: a notebook output of this size is already unusable. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    @Parameters(index = "0", paramLabel = "PATH", description = "The file to show.")
    String path;

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public FileText call() throws IOException {
        Path file = context.cwd().resolve(expandHome(path));
        if (!Files.exists(file)) {
            throw new MagicException("cannot open '" + path + "': No such file or directory");
        }
        if (Files.isDirectory(file)) {
            throw new MagicException("'" + path + "' is a directory (use %ls to list it)");
        }
        if (!Files.isReadable(file)) {
            throw new MagicException("cannot open '" + path + "': Permission denied");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new MagicException("'" + path + "' is " + size + " bytes; %cat shows files up to " + MAX_BYTES + " bytes");
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = decodeText(bytes);
        if (text == null) {
            throw new MagicException("'" + path + "' is a binary file (" + bytes.length + " bytes); %cat shows text files only");
        }
        if (looksLikeJson(file, text)) {
            JsonNode node = JsonText.parse(text);
            if (node != null && (node.isContainerNode() || jsonName(file))) {
                return new FileText(path, JsonText.pretty(node), true);
            }
        }
        return new FileText(path, text, false);
    }

    static String expandHome(String p) {
        if (p.equals("~") || p.startsWith("~/")) {
            return System.getProperty("user.home") + p.substring(1);
        }
        return p;
    }

    /** UTF-8 text, or null for binary content (a NUL byte, or bytes that are not UTF-8). */
    static String decodeText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean jsonName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.equals(".zattrs") || name.equals(".zarray")
                || name.equals(".zgroup") || name.equals(".zmetadata") || name.endsWith(".ipynb");
    }

    private static boolean looksLikeJson(Path file, String text) {
        if (jsonName(file)) {
            return true;
        }
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }
}
