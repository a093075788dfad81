package frontier.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CellParserTest {
    @Test
    void cellMagicOwnsTheWholeCell() {
        List<CellParser.Part> parts = CellParser.parse("%%bash -x\necho 1\necho 2\n");
        assertEquals(1, parts.size());
        CellParser.Part p = parts.get(0);
        assertEquals(CellParser.Kind.CELL_MAGIC, p.kind());
        assertEquals("bash", p.name());
        assertEquals("-x", p.args());
        assertEquals("echo 1\necho 2\n", p.body());
    }

    @Test
    void lineMagicsShellLinesAndJavaAlternate() {
        List<CellParser.Part> parts = CellParser.parse("%ls -a images\nint x = 1;\nx + 1\n!echo hi");
        assertEquals(List.of(CellParser.Kind.LINE_MAGIC, CellParser.Kind.JAVA, CellParser.Kind.SHELL),
                parts.stream().map(CellParser.Part::kind).toList());
        assertEquals("ls", parts.get(0).name());
        assertEquals("-a images", parts.get(0).args());
        assertEquals("int x = 1;\nx + 1\n", parts.get(1).body());
        assertEquals("echo hi", parts.get(2).args());
    }

    @Test
    void indentedPercentIsJavaNotAMagic() {
        assertFalse(CellParser.hasMagic("int r = 7\n    % 3;"));
    }
}
