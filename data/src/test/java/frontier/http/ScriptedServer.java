package frontier.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server that answers each connection with a script, for servers that misbehave
 * in ways a real HTTP server will not: endless chunked bodies, lying lengths, silence.
 */
final class ScriptedServer implements AutoCloseable {
    interface Script {
        void answer(InputStream in, OutputStream out) throws Exception;
    }

    private final ServerSocket socket;
    final AtomicInteger connections = new AtomicInteger();

    ScriptedServer(Script script) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    Thread c = new Thread(() -> {
                        try (s) {
                            script.answer(s.getInputStream(), s.getOutputStream());
                        } catch (Exception e) {
                            // the client went away: that is what most scripts wait for
                        }
                    }, "scripted-connection");
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "scripted-server");
        t.setDaemon(true);
        t.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** Reads one request's head (up to the blank line). */
    static void readHead(InputStream in) throws IOException {
        int state = 0;
        for (int b; (b = in.read()) >= 0; ) {
            state = b == '\n' ? state + 1 : b == '\r' ? state : 0;
            if (state == 2) return;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
