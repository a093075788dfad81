package frontier.magics.ipfs;

import java.util.List;
import frontier.ipfs.car.Car;
import frontier.ipfs.cid.Cid;
import frontier.ipfs.node.IpfsNode;
import frontier.ipfs.resolve.IpfsPath;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.OutputStream;
import java.util.Map;

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
        java.util.List<String> paths;
        @Mixin
        IpfsNodeChoice choice = new IpfsNodeChoice();

        @Override
        public void setContext(MagicContext context) {
        }

        @Override
        public Object call() {
            return choice.report((node, t) -> {
                for (String s : paths) {
                    IpfsPath p = IpfsCommands.parse(s);
                    if (node.isDaemon()) {
                        node.daemon().pinAdd(p.toPathString());
                        t.append("pinned ").append(p.toPathString().substring(6)).append(" recursively\n");
                    } else {
                        IpfsNode n = node.embedded();
                        Cid c = n.reader().resolve(p);
                        // walking the DAG fetches (and verifies, and stores) every block: a pin holds it all locally
                        Car.export(n.fetcher()::get, List.of(c), OutputStream.nullOutputStream());
                        n.pins().add(c);
                        t.append("pinned ").append(c).append(" recursively\n");
                    }
                }
            });
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
            return choice.report((node, t) -> {
                if (node.isDaemon()) {
                    for (Map.Entry<String, String> e : node.daemon().pinLs("recursive").entrySet()) {
                        t.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
                    }
                } else {
                    for (Cid c : node.embedded().pins().list()) t.append(c).append(" recursive\n");
                }
            });
        }
    }
}
