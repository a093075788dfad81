package frontier.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Writes (or removes) the kernelspec: kernel.json pointing at this jar, logos, a CDS archive. */
final class Installer {
    static final String USAGE = """
            usage: java -jar frontier-kernel.jar install [--user | --sys-prefix | --prefix DIR] [--name NAME]
                                                         [--display-name TEXT] [--no-cds] [--peak-jit]
                                                         [--jvm-opt OPTION]...
                   java -jar frontier-kernel.jar uninstall [--user | --sys-prefix | --prefix DIR] [--name NAME]
                   java -jar frontier-kernel.jar CONNECTION_FILE   (how Jupyter starts the kernel)
              --user        ~/.local/share/jupyter/kernels (the default; $JUPYTER_DATA_DIR if set)
              --sys-prefix  $VIRTUAL_ENV or $CONDA_PREFIX (else /usr/local)/share/jupyter/kernels
              --prefix DIR  DIR/share/jupyter/kernels
              --no-cds      skip the class-data-sharing archive (faster install, slower kernel start)
              --peak-jit    full JIT (C2): faster long computations, slower cells at first
              --jvm-opt O   an extra JVM option for the kernel (e.g. --jvm-opt -Xmx8g)""";

    static final String DEFAULT_NAME = "frontier-java";

    private record Options(Path kernelsDir, String name, String displayName, boolean cds, List<String> jvmOptions) {
    }

    private Installer() {
    }

    private static Options parse(String[] args) {
        Path dir = userKernels();
        String name = DEFAULT_NAME, display = "Java (Frontier)";
        boolean cds = true, peakJit = false;
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--user" -> dir = userKernels();
                case "--sys-prefix" -> dir = sysPrefix().resolve("share/jupyter/kernels");
                case "--prefix" -> dir = Path.of(value(args, ++i, a)).toAbsolutePath().resolve("share/jupyter/kernels");
                case "--name" -> name = value(args, ++i, a);
                case "--display-name" -> display = value(args, ++i, a);
                case "--no-cds" -> cds = false;
                case "--peak-jit" -> peakJit = true;
                case "--jvm-opt" -> extra.add(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
            }
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("kernel name '" + name + "' may only use letters, digits, '.', '_' and '-'");
        }
        List<String> jvm = new ArrayList<>(jvmOptions(peakJit));
        jvm.addAll(extra);
        return new Options(dir, name, display, cds, jvm);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    static Path userKernels() {
        String data = System.getenv("JUPYTER_DATA_DIR");
        if (data != null && !data.isEmpty()) {
            return Path.of(data, "kernels");
        }
        String os = System.getProperty("os.name").toLowerCase();
        // $HOME as Jupyter reads it (Java's user.home ignores it)
        String envHome = System.getenv("HOME");
        Path home = Path.of(envHome != null && !envHome.isEmpty() ? envHome : System.getProperty("user.home"));
        if (os.contains("mac")) {
            return home.resolve("Library/Jupyter/kernels");
        }
        if (os.contains("win")) {
            return Path.of(System.getenv().getOrDefault("APPDATA", home.toString()), "jupyter", "kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : home.resolve(".local/share")).resolve("jupyter/kernels");
    }

    static Path sysPrefix() {
        for (String v : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
            String p = System.getenv(v);
            if (p != null && !p.isEmpty()) {
                return Path.of(p);
            }
        }
        return Path.of("/usr/local");
    }

    static Path thisJar() {
        try {
            Path p = Path.of(Installer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kernel jar", e);
        }
    }

    static int install(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("frontier-kernel install: " + e.getMessage());
            return 2;
        }
        Path jar = thisJar();
        if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
            System.err.println("frontier-kernel install: run the installer from the kernel jar (java -jar frontier-kernel-*.jar install); "
                    + jar + " is not a jar");
            return 2;
        }
        Path dir = o.kernelsDir().resolve(o.name());
        try {
            Files.createDirectories(dir);
            Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> argv = new ArrayList<>();
            argv.add(javaBin.toString());
            argv.addAll(o.jvmOptions());
            Path jsa = dir.resolve("frontier-kernel.jsa");
            if (o.cds() && buildCdsArchive(javaBin, jar, jsa, o.jvmOptions())) {
                argv.add("-XX:SharedArchiveFile=" + jsa);
                argv.add("-Xlog:cds=off");
                argv.add("-Xlog:cds+dynamic=off");
            }
            argv.add("-jar");
            argv.add(jar.toString());
            argv.add("{connection_file}");
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("argv", argv);
            spec.put("display_name", o.displayName());
            spec.put("language", "java");
            spec.put("interrupt_mode", "message");
            spec.put("env", Map.of());
            spec.put("metadata", Map.of("debugger", false));
            Path tmp = dir.resolve("kernel.json.tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), spec);
            Files.move(tmp, dir.resolve("kernel.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Logo.write(dir.resolve("logo-32x32.png"), 32);
            Logo.write(dir.resolve("logo-64x64.png"), 64);
            System.out.println("Installed kernelspec " + o.name() + " (\"" + o.displayName() + "\") in " + dir);
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("frontier-kernel install: cannot write the kernelspec in " + dir + ": " + e
                    + (e instanceof java.nio.file.AccessDeniedException ? " (no permission: try --user)" : ""));
            return 1;
        }
    }

    /**
     * Options every kernel JVM gets: headless AWT (images render without a display), UTF-8
     * streams, the serial GC (quickest start on small machines) and, unless peakJit, the C1 JIT
     * only: javac, which runs for every cell, then warms up in a few cells instead of competing
     * with C2 compilations for the CPU (measured here: trivial cell 3x faster on 2 cores).
     * With C1 only, compiling is cheap, so methods are compiled after a tenth of the usual
     * invocations: javac runs each of its per-task methods only ~5 times a cell, and at the
     * default threshold (200) those stayed interpreted through the first few dozen cells
     * (measured: trivial cell ~20% faster over the first 50 cells, first cell unchanged).
     */
    static List<String> jvmOptions(boolean peakJit) {
        List<String> o = new ArrayList<>(List.of("-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-XX:+UseSerialGC", "-Xss4m"));
        if (!peakJit) {
            o.add("-XX:TieredStopAtLevel=1");
            o.add("-XX:CompileThresholdScaling=0.1");
        }
        return o;
    }

    /** A class-data-sharing archive of a warmed-up session: start-up loads JShell/javac classes mapped, not parsed. */
    static boolean buildCdsArchive(Path java, Path jar, Path jsa, List<String> jvmOptions) {
        try {
            Files.deleteIfExists(jsa);
            List<String> cmd = new ArrayList<>(List.of(java.toString()));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-jar", jar.toString(), "warmup"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && Files.size(jsa) > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int uninstall(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("frontier-kernel uninstall: " + e.getMessage());
            return 2;
        }
        Path dir = o.kernelsDir().resolve(o.name());
        if (!Files.isRegularFile(dir.resolve("kernel.json"))) {
            System.err.println("frontier-kernel uninstall: no kernelspec " + o.name() + " in " + o.kernelsDir());
            return 1;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
            System.out.println("Removed kernelspec " + o.name() + " from " + dir);
            return 0;
        } catch (IOException e) {
            System.err.println("frontier-kernel uninstall: cannot remove " + dir + ": " + e);
            return 1;
        }
    }
}
