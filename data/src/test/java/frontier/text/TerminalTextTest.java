package frontier.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected forms are what Go's strconv.Quote writes between its quotes (Kubo prints names that way). */
class TerminalTextTest {
    @Test
    void plainNamesAreUnchanged() {
        String s = "6001240.zarr/0/.zarray ünï còde 日本";
        assertSame(s, TerminalText.escape(s));
        assertFalse(TerminalText.needsEscape(s));
    }

    @Test
    void escapeSequencesCannotReachTheTerminal() {
        assertEquals("\\x1b[2J\\x1b[31mred\\x1b[0m", TerminalText.escape("\u001b[2J\u001b[31mred\u001b[0m"));
        assertEquals("a\\nb\\tc\\rd\\a\\b\\f\\v", TerminalText.escape("a\nb\tc\rd\u0007\b\f\u000b"));
        assertEquals("\\x00\\x7f", TerminalText.escape("\u0000\u007f"));
        assertEquals("\\u009b", TerminalText.escape("\u009b")); // C1 CSI
        assertEquals("zero\\u200bwidth", TerminalText.escape("zero\u200bwidth"));
        assertEquals("rtl\\u202eexe.txt", TerminalText.escape("rtl\u202eexe.txt"));
        assertEquals("back\\\\slash", TerminalText.escape("back\\slash"));
        assertEquals("\\U000f0000", TerminalText.escape(new String(Character.toChars(0xF0000))));
        assertTrue(TerminalText.needsEscape("\u001b"));
    }
}
