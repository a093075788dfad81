package frontier.magics.ipfs;

import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code %ipfs SUBCOMMAND ...} / {@code frontier ipfs SUBCOMMAND ...}: IPFS with Kubo's command
 * names and flags. Each subcommand is its own class implementing {@link Magic}; add new ones to
 * the {@code subcommands} list below.
 */
@Command(name = "ipfs", mixinStandardHelpOptions = true,
        description = "IPFS content addressing with Kubo's commands and flags (add, cat, ls, get, id, pin, verify, gateway); the daemon when one answers, the embedded node otherwise.",
        subcommands = {IpfsAddCommand.class, IpfsCatCommand.class, IpfsLsCommand.class, IpfsGetCommand.class, IpfsIdCommand.class,
                IpfsPinCommand.class, IpfsVerifyCommand.class, IpfsGatewayCommand.class})
public final class IpfsCommand implements Magic {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void setContext(MagicContext context) {
    }

    @Override
    public Object call() {
        throw new MagicException("a subcommand is needed: " + String.join(", ", spec.subcommands().keySet()),
                spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF), null);
    }
}
