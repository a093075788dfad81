package frontier.magics.core;

import frontier.magics.MagicException;
import frontier.magics.MagicRegistry;
import frontier.magics.RecordingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatCommandTest {
    @TempDir
    Path dir;

    private final MagicRegistry registry = MagicRegistry.load();

    private FileText cat(String args) {
        return (FileText) registry.runLine("cat", args, new RecordingContext(dir));
    }

    /** The oracle: Python's json.dumps(indent=4), which is how zarr writes .zattrs. */
    private static String pythonPretty(Path file) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c",
                "import json,sys; print(json.dumps(json.load(open(sys.argv[1])), indent=4, ensure_ascii=False), end='')",
                file.toString()).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue());
        return text;
    }

    @Test
    void jsonIsPrettyPrintedAsPythonDoes() throws Exception {
        Path zattrs = dir.resolve(".zattrs");
        Files.writeString(zattrs, "{\"multiscales\":[{\"datasets\":[{\"path\":\"0\"},{\"path\":\"1\"}],\"version\":\"0.1\","
                + "\"empty\":{},\"none\":[],\"n\":null,\"t\":true,\"f\":1.5e-3,\"big\":12345678901234567890,"
                + "\"name\":\"caf\u00e9 \\\"q\\\" \\n\"}]}");
        FileText text = cat(".zattrs");
        assertTrue(text.isJson());
        assertEquals(pythonPretty(zattrs), text.toString());
    }

    @Test
    void plainTextIsShownAsIs() throws Exception {
        String content = "line 1\n  <b>line 2</b>\n{not json\n";
        Files.writeString(dir.resolve("notes.txt"), content);
        FileText text = cat("notes.txt");
        assertFalse(text.isJson());
        assertEquals(content, text.toString());
    }

    @Test
    void brokenJsonInAJsonFileIsShownAsText() throws Exception {
        Files.writeString(dir.resolve(".zarray"), "{\"chunks\": [1, 2");
        FileText text = cat(".zarray");
        assertFalse(text.isJson());
        assertEquals("{\"chunks\": [1, 2", text.toString());
    }

    @Test
    void binaryFilesAreRefusedClearly() throws Exception {
        Files.write(dir.resolve("0.0"), new byte[]{2, 1, 33, 8, 0, 0, 0, 0, (byte) 0xff});
        MagicException e = assertThrows(MagicException.class, () -> cat("0.0"));
        assertEquals("%cat: '0.0' is a binary file (9 bytes); %cat shows text files only", e.getMessage());
        Files.write(dir.resolve("latin1.txt"), new byte[]{'c', 'a', 'f', (byte) 0xe9});
        assertThrows(MagicException.class, () -> cat("latin1.txt"));
    }

    @Test
    void missingFilesAndDirectoriesAreOneLineErrors() throws Exception {
        MagicException e = assertThrows(MagicException.class, () -> cat("nope.json"));
        assertEquals("%cat: cannot open 'nope.json': No such file or directory", e.getMessage());
        Files.createDirectory(dir.resolve("d"));
        MagicException d = assertThrows(MagicException.class, () -> cat("d"));
        assertTrue(d.getMessage().contains("is a directory"), d.getMessage());
        MagicException usage = assertThrows(MagicException.class, () -> cat(""));
        assertTrue(usage.getMessage().contains("Missing required parameter: 'PATH'"), usage.getMessage());
        assertTrue(usage.usage().startsWith("Usage: %cat"));
    }

    @Test
    void quotedPathsWithSpacesWork() throws Exception {
        Files.writeString(dir.resolve("my file.txt"), "hello");
        assertEquals("hello", cat("'my file.txt'").toString());
    }
}
