package frontier.magics.ipfs;

import frontier.ipfs.Ipfs;
import frontier.ipfs.Pin;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.List;

/** {@code ipfs pin add PATH} / {@code ipfs pin ls}: Kubo's output lines. */
@Command(name = "pin", mixinStandardHelpOptions = true, description = "Pin (and unpin) objects to local storage.",
        subcommands = {IpfsPinCommand.Add.class, IpfsPinCommand.Ls.class})
public final class IpfsPinCommand implements Magic {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void setContext(MagicContext context) {
    }

    @Override
    public Object call() {
        throw new MagicException("a subcommand is needed: add, ls", spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF), null);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Pin objects to local storage (the embedded node fetches and verifies every block first).")
    public static final class Add implements Magic {
        @Parameters(paramLabel = "PATH", arity = "1..*")
        List<String> paths;
        @Mixin
        IpfsNodeChoice choice = new IpfsNodeChoice();

        @Override
        public void setContext(MagicContext context) {
        }

        @Override
        public Object call() {
            Ipfs ipfs = choice.select();
            StringBuilder t = new StringBuilder();
            try {
                for (String s : paths) t.append("pinned ").append(ipfs.pin(IpfsCommands.parse(s).toString())).append(" recursively\n");
            } catch (IOException e) {
                throw IpfsCommands.fail(e);
            }
            return new IpfsResult(t + IpfsNodeChoice.line(ipfs));
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List objects pinned to local storage.")
    public static final class Ls implements Magic {
        @Mixin
        IpfsNodeChoice choice = new IpfsNodeChoice();

        @Override
        public void setContext(MagicContext context) {
        }

        @Override
        public Object call() {
            Ipfs ipfs = choice.select();
            StringBuilder t = new StringBuilder();
            try {
                for (Pin p : ipfs.pins()) t.append(p.cid()).append(' ').append(p.type()).append('\n');
            } catch (IOException e) {
                throw IpfsCommands.fail(e);
            }
            return new IpfsResult(t + IpfsNodeChoice.line(ipfs));
        }
    }
}
