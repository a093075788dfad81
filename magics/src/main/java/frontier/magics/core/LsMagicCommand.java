package frontier.magics.core;

import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicRegistry;
import frontier.magics.RegistryAware;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code %lsmagic}: lists the line and cell magics, as IPython's %lsmagic does. */
@Command(name = "lsmagic", mixinStandardHelpOptions = true,
        description = "List the available line magics and cell magics.")
public final class LsMagicCommand implements Magic, RegistryAware {
    private MagicRegistry registry;

    @Override
    public void setContext(MagicContext context) {
    }

    @Override
    public void setRegistry(MagicRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MagicListing call() {
        return new MagicListing(List.copyOf(registry.lineMagics()), List.copyOf(registry.cellMagics()));
    }
}
