package frontier.kernel;

import frontier.kernel.eval.JavaEvaluator;

/**
 * Runs a line magic from Java code and returns its result object, e.g.
 * {@code Object info = magic("ome_zarr info $url");} (imported statically at start, as IPython's
 * get_ipython().run_line_magic). Code that needs a value uses the typed API instead of a magic's
 * text: {@code Ipfs.embedded().add(path, AddOptions.defaults().recursive()).root()}.
 */
public final class Magic {
    private Magic() {
    }

    /** name and arguments as after the % of a line magic; $variables are expanded as in cells. */
    public static Object magic(String line) throws Exception {
        Kernel kernel = JavaEvaluator.callerService(Kernel.class);
        if (kernel == null) {
            throw new IllegalStateException("magic(\"" + line + "\") needs a kernel session");
        }
        return kernel.lineMagic(line);
    }
}
