package frontier.kernel;

import frontier.kernel.eval.JavaEvaluator;

/**
 * Runs a line magic from Java code and returns its result object, e.g.
 * {@code String cid = magic("ipfs add -Q -r images/x.zarr").toString().strip();}
 * (imported statically at start, as IPython's get_ipython().run_line_magic).
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
