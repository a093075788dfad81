import frontier.magics.cli.FrontierCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * bench/ipfs-add's in-process side: the same `ipfs add` command the notebook's `%ipfs add` runs,
 * in one JVM that has already done one add (as the kernel has after the tutorial's first), each
 * timed run into a fresh repo after a `sync`. usage: AddWarm IMAGES_DIR WORK_DIR RUNS FLAGS... PATH
 * Prints `runs=<s,...>`, `median=<s>` and `cid=<root>`.
 */
public class AddWarm {
    public static void main(String[] args) throws Exception {
        Path cwd = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        String[] add = new String[args.length - 3 + 2];
        add[0] = "ipfs";
        add[1] = "add";
        System.arraycopy(args, 3, add, 2, args.length - 3);
        List<Double> times = new ArrayList<>();
        String cid = null;
        for (int i = -1; i < runs; i++) { // run -1 warms the JVM up
            System.setProperty("frontier.ipfs.path", work.resolve("repo-warm-" + (i + 1)).toString());
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long t0 = System.nanoTime();
            int status = FrontierCli.run(add, System.in, new PrintStream(out), System.err, cwd);
            double s = (System.nanoTime() - t0) / 1e9;
            if (status != 0) throw new IllegalStateException("ipfs add failed with status " + status + ": " + out);
            cid = out.toString().trim();
            if (i >= 0) times.add(s);
        }
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        StringBuilder all = new StringBuilder();
        for (double t : times) all.append(all.length() == 0 ? "" : ",").append(String.format("%.3f", t));
        System.out.println("runs=" + all);
        System.out.printf("median=%.4f%n", sorted.get(sorted.size() / 2));
        System.out.println("cid=" + cid);
    }
}
