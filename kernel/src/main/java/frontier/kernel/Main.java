package frontier.kernel;

import frontier.kernel.eval.JavaEvaluator;
import frontier.kernel.messaging.ConnectionInfo;
import frontier.kernel.messaging.KernelSockets;
import frontier.kernel.messaging.Signer;
import frontier.kernel.messaging.Wire;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * {@code java -jar frontier-kernel.jar CONNECTION_FILE} runs the kernel;
 * {@code install [...]} / {@code uninstall [...]} manage its kernelspec (no Python needed).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String problem = JavaCheck.problem();
        if (problem != null) {
            System.err.println("frontier-kernel: " + problem);
            System.exit(2);
        }
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(Installer.USAGE);
            return;
        }
        switch (args[0]) {
            case "install" -> System.exit(Installer.install(Arrays.copyOfRange(args, 1, args.length)));
            case "uninstall" -> System.exit(Installer.uninstall(Arrays.copyOfRange(args, 1, args.length)));
            case "warmup" -> warmup();
            default -> {
                Path conn = Path.of(args[0]);
                if (!Files.isRegularFile(conn)) {
                    System.err.println("frontier-kernel: no connection file at " + conn + "\n" + Installer.USAGE);
                    System.exit(2);
                }
                run(conn);
            }
        }
    }

    /** Runs a session's start-up once (used when building the class-data-sharing archive). */
    private static void warmup() {
        try (JavaEvaluator java = Startup.newSession(System.err)) {
            java.eval("var list = List.of(1, 2, 3);\nlist.stream().mapToInt(i -> i).sum()");
            java.complete("System.out.printl", 17);
            java.inspect("Math.max", 8);
            frontier.kernel.display.RendererRegistry.withBuiltins().render(new int[]{1, 2});
        }
        System.exit(0);
    }

    static void run(Path connectionFile) throws Exception {
        PrintStream log = System.err;
        ConnectionInfo info = ConnectionInfo.read(connectionFile);
        Wire wire = new Wire(new Signer(info.key(), info.signatureScheme()));
        // the session (javac, JShell) starts in the background: kernel_info is answered at once
        CompletableFuture<JavaEvaluator> session = CompletableFuture.supplyAsync(() -> Startup.newSession(log));
        KernelSockets sockets = new KernelSockets(info, wire, log);
        Kernel kernel = new Kernel(sockets, session, log);
        kernel.start();
        installSigint(kernel, log);
        kernel.awaitShutdown();
        Thread.sleep(100); // let the shutdown reply and last iopub messages leave
        sockets.close();
        Runtime.getRuntime().halt(0);
    }

    /** SIGINT interrupts the running cell instead of killing the kernel. */
    private static void installSigint(Kernel kernel, PrintStream log) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> kernel.interrupt());
        } catch (Throwable t) {
            log.println("frontier-kernel: SIGINT handler not installed: " + t);
        }
    }
}
