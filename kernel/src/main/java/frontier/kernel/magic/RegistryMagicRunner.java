package frontier.kernel.magic;

import frontier.magics.MagicContext;
import frontier.magics.MagicRegistry;

import java.util.SortedSet;

/** The magics module's registry (magics found through ServiceLoader) as the kernel's runner. */
public final class RegistryMagicRunner implements MagicRunner {
    private final MagicRegistry registry;

    private RegistryMagicRunner(MagicRegistry registry) {
        this.registry = registry;
    }

    public static MagicRunner load() {
        MagicRegistry r = MagicRegistry.load(RegistryMagicRunner.class.getClassLoader());
        for (String problem : r.loadProblems()) {
            System.err.println("frontier-kernel: " + problem);
        }
        return new RegistryMagicRunner(r);
    }

    @Override
    public Object runLine(String name, String args, MagicContext ctx) {
        return registry.runLine(name, args, ctx);
    }

    @Override
    public Object runCell(String name, String args, String body, MagicContext ctx) {
        return registry.runCell(name, args, body, ctx);
    }

    @Override
    public SortedSet<String> lineMagics() {
        return registry.lineMagics();
    }

    @Override
    public SortedSet<String> cellMagics() {
        return registry.cellMagics();
    }
}
