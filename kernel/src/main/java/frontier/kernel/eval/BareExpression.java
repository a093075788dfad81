package frontier.kernel.eval;

import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cell's last line written without a semicolon, as notebook users write the value they want to
 * see ({@code 1 + 1}, {@code arr.read()}). JShell compiles an expression in five compiler tasks
 * (two of them only to infer the type of its {@code $N} variable); declared as
 * {@code Object frontier$value7 = (expr);} it takes three. This class only picks the candidates
 * and writes that declaration: anything it lets through that is not a value-bearing expression
 * (a void call, a declaration) fails to compile, and the evaluator then runs the piece as JShell
 * would have, so the cheap form never changes what a cell does.
 */
final class BareExpression {
    /**
     * Prefix of the variable; each cell gets a name of its own. Reusing one name cost a compile per
     * earlier cell: the dropped variable's key came back with its sequence number reset, and JShell
     * stepped through every class name it had loaded (each a failed redefinition and a recompile)
     * until it found a free one.
     */
    static final String VARIABLE = "frontier$value";

    /** First words that start a declaration or statement, never an expression. */
    private static final Set<String> NOT_EXPRESSION = Set.of("import", "package", "return", "throw", "break",
            "continue", "assert", "yield", "var", "final", "class", "interface", "enum", "record", "abstract",
            "public", "private", "protected", "static", "sealed", "non", "strictfp", "synchronized", "transient",
            "volatile", "native", "default", "void", "boolean", "byte", "char", "short", "int", "long", "float",
            "double", "if", "for", "while", "do", "try", "switch", "else", "case");
    /** {@code Type name}, {@code Type name = ...}, {@code List<String> a, b}: a declaration. */
    private static final Pattern DECLARATION = Pattern.compile(
            "^[A-Za-z_$][\\w$.]*(\\s*<[^=()]*>)?(\\s*\\[\\s*\\])*\\s+[A-Za-z_$][\\w$]*\\s*(=|,|$)", Pattern.DOTALL);

    private BareExpression() {
    }

    /**
     * True when the piece may be an expression whose value the user wants: complete, written
     * without a closing semicolon, not a block, not a declaration.
     */
    static boolean candidate(CellPiece piece, String cell) {
        if (piece.completeness() != Completeness.COMPLETE && piece.completeness() != Completeness.COMPLETE_WITH_SEMI) {
            return false;
        }
        String text = cell.substring(piece.start(), piece.end()).strip();
        if (text.isEmpty() || text.endsWith("}") || text.endsWith(";") || text.startsWith("@")
                || text.startsWith("{") || text.startsWith("//") || text.startsWith("/*")) {
            return false;
        }
        int word = 0;
        while (word < text.length() && Character.isJavaIdentifierPart(text.charAt(word))) {
            word++;
        }
        if (NOT_EXPRESSION.contains(text.substring(0, word))) {
            return false;
        }
        return !DECLARATION.matcher(text).find();
    }

    /**
     * The declaration to evaluate in place of the piece. The expression stays on the lines it had
     * (stack traces keep their line numbers), and the closing parenthesis goes on a line of its
     * own so a trailing {@code // comment} cannot swallow it.
     */
    static String declaration(CellPiece piece, String cell, long serial) {
        String text = cell.substring(piece.start(), piece.end());
        int lead = CellSplitter.leadingBlank(text);
        return text.substring(0, lead) + "Object " + VARIABLE + serial + " = (" + text.substring(lead) + "\n);";
    }
}
