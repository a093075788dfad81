package frontier.magics.core;

import frontier.http.StaticFileServer;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code %serve DIR [--port N] [--bind ADDR]}: the tutorial's sample file server
 * ({@link StaticFileServer}). In a notebook it serves in the background and returns the running
 * server (its {@code url(...)} gives file URLs, {@code close()} stops it); on a terminal it prints
 * the URL and serves until interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a folder over HTTP: GET and HEAD, byte ranges, nothing outside DIR (symlinks included).",
                "In a notebook it serves in the background and returns the server; on a terminal it prints the URL and serves until interrupted."})
public final class ServeCommand implements Magic {
    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to serve.")
    String dir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The port (default: a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public Object call() throws Exception {
        Path root = context.cwd().resolve(CatCommand.expandHome(dir));
        if (!Files.isDirectory(root)) throw new MagicException("not a directory: " + dir);
        if (port < 0 || port > 65535) throw new MagicException("--port must be 0..65535, not " + port);
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new MagicException("--bind: unknown address '" + bind + "'");
        }
        StaticFileServer server;
        try {
            server = StaticFileServer.start(root, address, port);
        } catch (IOException e) {
            throw new MagicException(e.getMessage(), e);
        }
        if (context.isNotebook()) return server;
        context.out().println(server.url());
        context.out().flush();
        context.err().println("Serving " + server.root() + " at " + server.url() + " (Ctrl-C stops)");
        new CountDownLatch(1).await(); // until the process is interrupted
        return null;
    }
}
