package frontier.kernel.eval;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;

/** Splits a cell into JShell snippets, keeping each one's offset in the cell for error positions. */
final class CellSplitter {
    private final SourceCodeAnalysis analysis;

    CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    List<CellPiece> split(String code) {
        List<CellPiece> pieces = new ArrayList<>();
        int pos = 0;
        while (pos < code.length()) {
            String rest = code.substring(pos);
            int lead = leadingBlank(rest);
            if (lead == rest.length()) {
                break;
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            if (!c.isComplete()) {
                pieces.add(new CellPiece(rest.substring(lead), pos + lead, code.length(), c));
                break;
            }
            int consumed = rest.length() - info.remaining().length();
            if (consumed <= 0) {
                pieces.add(new CellPiece(rest.substring(lead), pos + lead, code.length(), c));
                break;
            }
            pieces.add(new CellPiece(info.source(), pos, pos + consumed, c)); // source() keeps leading blanks
            pos += consumed;
        }
        return pieces;
    }

    static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
