package frontier.magics;

import java.util.concurrent.Callable;

/**
 * A magic: a picocli {@code @Command} class whose call() returns a result object (an info
 * tree, an add summary, a listing) that the kernel renders and the CLI prints. A new instance
 * runs each time. Register implementations in META-INF/services/frontier.magics.Magic.
 * The command's name is its line-magic name ({@code %ls}); a cell magic ({@code %%bash})
 * implements {@link CellMagic} as well.
 */
public interface Magic extends Callable<Object> {
    /** Called before call() with the host the magic runs in. */
    void setContext(MagicContext context);
}
