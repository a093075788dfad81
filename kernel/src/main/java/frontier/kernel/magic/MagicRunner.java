package frontier.kernel.magic;

import frontier.magics.MagicContext;

import java.util.SortedSet;

/** What the kernel needs of the magics module's registry. */
public interface MagicRunner {
    Object runLine(String name, String args, MagicContext ctx) throws Exception;

    Object runCell(String name, String args, String body, MagicContext ctx) throws Exception;

    SortedSet<String> lineMagics();

    SortedSet<String> cellMagics();
}
