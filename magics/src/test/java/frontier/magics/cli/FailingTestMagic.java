package frontier.magics.cli;

import frontier.magics.Magic;
import frontier.magics.MagicContext;
import picocli.CommandLine.Command;

/** A magic with a bug, registered on the test class path only: the CLI must exit 1 with one line. */
@Command(name = "test_bug", description = "Test only: fails with a bug.")
public final class FailingTestMagic implements Magic {
    @Override
    public void setContext(MagicContext context) {
    }

    @Override
    public Object call() {
        throw new NullPointerException("a bug");
    }
}
