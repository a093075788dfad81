package frontier.magics.core;

import frontier.magics.CellMagic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code %%bash}: runs the cell's body with bash, streaming its output while it runs. */
@Command(name = "bash", mixinStandardHelpOptions = true,
        description = {"Run the cell with bash, showing its output while it runs.",
                "Runs in the working directory with empty stdin; a non-zero exit status is an error."})
public final class BashCommand implements CellMagic {
    private String body;
    private MagicContext context;

    @Override
    public void setBody(String body) {
        this.body = body;
    }

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public Object call() {
        int status = Shell.exec(List.of("bash", "-c", body == null ? "" : body), context);
        if (status != 0) {
            throw new MagicException("bash exited with status " + status);
        }
        return null;
    }
}
