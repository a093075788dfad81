package frontier.magics;

/**
 * A magic whose argument after its options is source code (%time, %timeit): the registry parses
 * the leading options with picocli and passes the rest of the line verbatim, since splitting
 * Java like a shell would eat its quotes. In a cell magic the body comes through
 * {@link CellMagic#setBody} as usual.
 */
public interface CodeMagic extends Magic {
    /** The code after the options, exactly as typed ("" when none). Called before call(). */
    void setCode(String code);
}
