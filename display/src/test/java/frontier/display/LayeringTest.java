package frontier.display;

import frontier.display.array.ArrayHtml;
import frontier.zarr.Zarr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data library and the magics hold no presentation, and presentation depends on them one
 * way: the JDK's jdeps over the data, magics and display classes (as built) finds no package
 * cycle through a display package, and no data or magics package that uses one.
 */
class LayeringTest {
    static Path data, magics, display;
    static Map<String, Set<String>> deps;

    @BeforeAll
    static void runJdeps() throws Exception {
        data = where(Zarr.class);
        magics = where(frontier.magics.Magic.class);
        display = where(ArrayHtml.class);
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElse(null);
        assertNotNull(jdeps, "jdeps (the JDK's jdk.jdeps module) is needed");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "-verbose:package", "-filter:none", "-q", data.toString(), magics.toString(), display.toString());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        deps = new TreeMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t.length >= 3 && t[1].equals("->") && t[0].startsWith("frontier.") && t[2].startsWith("frontier.") && !t[0].equals(t[2])) {
                deps.computeIfAbsent(t[0], k -> new TreeSet<>()).add(t[2]);
            }
        }
        assertTrue(deps.containsKey("frontier.display.array") && deps.containsKey("frontier.zarr") && deps.containsKey("frontier.magics.ipfs"),
                "jdeps saw the three modules: " + deps.keySet());
    }

    static Path where(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static boolean presentation(String pkg) {
        return pkg.equals("frontier.display") || pkg.startsWith("frontier.display.") || pkg.endsWith(".display");
    }

    @Test
    void dataHasNoPresentationPackageNorMimeBundles() throws IOException {
        List<String> packages = new ArrayList<>();
        List<String> bundles = new ArrayList<>();
        try (FileSystem jar = Files.isDirectory(data) ? null : FileSystems.newFileSystem(data);
             Stream<Path> files = Files.walk(jar == null ? data : jar.getPath("/"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String rel = (jar == null ? data.relativize(f) : jar.getPath("/").relativize(f)).toString();
                String pkg = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')).replace('/', '.') : "";
                if (presentation(pkg)) packages.add(rel);
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("mimeBundle")) bundles.add(rel);
            }
        }
        assertEquals(List.of(), packages, "presentation classes in the data library " + data);
        assertEquals(List.of(), bundles, "data classes that build MIME bundles");
    }

    @Test
    void noDataOrMagicsPackageUsesPresentation() {
        deps.forEach((from, to) -> {
            if (presentation(from)) return;
            for (String t : to) assertFalse(presentation(t), from + " (data or magics) depends on " + t);
        });
    }

    @Test
    void noPackageCycleGoesThroughPresentation() {
        for (List<String> cycle : cycles(deps)) {
            assertFalse(cycle.stream().anyMatch(LayeringTest::presentation), "package cycle " + cycle);
        }
    }

    /** The strongly connected components of more than one package (Tarjan, iterative). */
    static List<List<String>> cycles(Map<String, Set<String>> g) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String start : g.keySet()) {
            if (index.containsKey(start)) continue;
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[]{start, new ArrayList<>(g.getOrDefault(start, Set.of())).iterator()});
            index.put(start, counter[0]);
            low.put(start, counter[0]++);
            stack.push(start);
            onStack.add(start);
            while (!work.isEmpty()) {
                Object[] top = work.peek();
                String v = (String) top[0];
                @SuppressWarnings("unchecked")
                java.util.Iterator<String> it = (java.util.Iterator<String>) top[1];
                if (it.hasNext()) {
                    String w = it.next();
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Object[]{w, new ArrayList<>(g.getOrDefault(w, Set.of())).iterator()});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                } else {
                    work.pop();
                    if (!work.isEmpty()) {
                        String parent = (String) work.peek()[0];
                        low.put(parent, Math.min(low.get(parent), low.get(v)));
                    }
                    if (low.get(v).equals(index.get(v))) {
                        List<String> scc = new ArrayList<>();
                        String w;
                        do {
                            w = stack.pop();
                            onStack.remove(w);
                            scc.add(w);
                        } while (!w.equals(v));
                        if (scc.size() > 1) out.add(scc);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> g = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        List<List<String>> c = cycles(g);
        assertEquals(1, c.size());
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(c.get(0)));
    }
}
