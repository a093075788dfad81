package frontier.magics.core;

import frontier.magics.CellMagic;
import frontier.magics.CodeMagic;
import frontier.magics.MagicContext;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * What %time and %timeit share: Java code taken verbatim from the line ({@link #code}) or, as a
 * cell magic, the cell ({@link #body}, null when used as a line magic), and the host to run it in.
 */
abstract class JavaCodeMagic implements CellMagic, CodeMagic {
    @Parameters(paramLabel = "CODE", arity = "0..*", description = "Java code (taken verbatim, not split).")
    List<String> shownInUsage;

    protected String code = "";
    protected String body;
    protected MagicContext context;

    @Override
    public void setCode(String code) {
        this.code = code;
    }

    @Override
    public void setBody(String body) {
        this.body = body;
    }

    @Override
    public boolean isLineMagicToo() {
        return true;
    }

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }
}
