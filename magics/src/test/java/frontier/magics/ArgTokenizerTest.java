package frontier.magics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgTokenizerTest {
    @Test
    void splitsOnBlanksAndCollapsesRuns() {
        assertEquals(List.of("ls", "-a", "images/x.zarr"), ArgTokenizer.split("  ls \t-a   images/x.zarr  "));
        assertEquals(List.of(), ArgTokenizer.split("   "));
        assertEquals(List.of(), ArgTokenizer.split(null));
    }

    @Test
    void singleQuotesAreLiteral() {
        assertEquals(List.of("a b", "c\\d\"e"), ArgTokenizer.split("'a b' 'c\\d\"e'"));
        assertEquals(List.of(""), ArgTokenizer.split("''"));
    }

    @Test
    void doubleQuotesHonourShellEscapesOnly() {
        assertEquals(List.of("say \"hi\"", "a\\nb", "$x"), ArgTokenizer.split("\"say \\\"hi\\\"\" \"a\\nb\" \"\\$x\""));
    }

    @Test
    void quotesJoinAdjacentTextIntoOneWord() {
        assertEquals(List.of("--output=my dir/x", "ab"), ArgTokenizer.split("--output='my dir'/x a\"\"b"));
    }

    @Test
    void backslashEscapesOutsideQuotes() {
        assertEquals(List.of("a b", "c"), ArgTokenizer.split("a\\ b c"));
        assertEquals(List.of("ab"), ArgTokenizer.split("a\\\nb"));
    }

    @Test
    void unclosedQuotesAreUserErrors() {
        MagicException e = assertThrows(MagicException.class, () -> ArgTokenizer.split("ls 'images"));
        assertTrue(e.getMessage().contains("unclosed single quote"), e.getMessage());
        assertEquals(2, e.exitStatus());
        assertThrows(MagicException.class, () -> ArgTokenizer.split("ls \"images"));
        assertThrows(MagicException.class, () -> ArgTokenizer.split("ls images\\"));
    }

    @Test
    void agreesWithBashOnAMixedLine() throws Exception {
        String line = "add -r --hidden 'a b'\"c d\" e\\ f \"g\\\"h\" 'i\\j'";
        Process p = new ProcessBuilder("bash", "-c", "for w in " + line + "; do printf '%s\\n' \"$w\"; done")
                .redirectErrorStream(true).start();
        String bash = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        assertEquals(String.join("\n", ArgTokenizer.split(line)) + "\n", bash);
    }
}
