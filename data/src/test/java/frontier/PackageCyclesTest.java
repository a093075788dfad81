package frontier;

import frontier.array.NdArray;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data library's packages depend on each other one way: jdeps (the JDK's own dependency
 * analyser, run in process) lists which package uses which, and no group of packages may reach
 * each other in a circle.
 */
class PackageCyclesTest {
    @Test
    void noPackageCycles() throws Exception {
        Map<String, Set<String>> uses = packageGraph();
        assertTrue(uses.containsKey("frontier.zarr") && uses.get("frontier.zarr").contains("frontier.array"), "jdeps saw " + uses.keySet());
        List<Set<String>> cycles = cycles(uses);
        assertEquals(List.of(), cycles, "package cycles in the data library (each set of packages reaches itself): " + cycles);
    }

    /** The cycle finder itself: a two-package loop and a three-package loop are found, a chain is not. */
    @Test
    void findsCycles() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", Set.of("b"));
        g.put("b", Set.of("a", "c"));
        g.put("c", Set.of("d"));
        g.put("d", Set.of("e"));
        g.put("e", Set.of("c"));
        g.put("f", Set.of("a"));
        assertEquals(List.of(Set.of("c", "d", "e"), Set.of("a", "b")), cycles(g));
    }

    @Test
    void theArrayPackagesDoNotReachTheZarrPackages() throws Exception {
        Map<String, Set<String>> uses = packageGraph();
        for (String p : uses.keySet()) {
            if (!p.startsWith("frontier.array")) continue;
            for (String q : uses.get(p)) assertFalse(q.startsWith("frontier.zarr"), p + " uses " + q);
        }
    }

    /** Package -> the packages of this library it uses, from jdeps -verbose:package. */
    static Map<String, Set<String>> packageGraph() throws Exception {
        Path classes = Path.of(NdArray.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-e", "frontier\\..*", classes.toString());
        assertEquals(0, status, err.toString());
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals("->") && f[0].startsWith("frontier.") && f[2].startsWith("frontier.")) {
                uses.computeIfAbsent(f[0], k -> new TreeSet<>());
                if (!f[0].equals(f[2])) uses.get(f[0]).add(f[2]);
            }
        }
        return uses;
    }

    /** The strongly connected components with more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> g) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : g.keySet()) if (!index.containsKey(v)) strong(v, g, index, low, stack, onStack, out, counter);
        return out;
    }

    private static void strong(String v, Map<String, Set<String>> g, Map<String, Integer> index, Map<String, Integer> low,
                               Deque<String> stack, Set<String> onStack, List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : g.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strong(w, g, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> c = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                c.add(w);
            } while (!w.equals(v));
            if (c.size() > 1) out.add(c);
        }
    }
}
