package frontier.kernel.messaging;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The five ZeroMQ sockets of a kernel, bound only to the connection file's address. Shell and
 * control each get a thread that decodes, checks the signature, and hands messages to the
 * handler; iopub and stdin sends are serialized so any thread may publish.
 */
public final class KernelSockets implements AutoCloseable {
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket shell, control, iopub, stdin, heartbeat;
    private final Wire wire;
    private final PrintStream log;
    private volatile boolean running = true;
    private final List<Thread> threads = new ArrayList<>();
    private final BlockingQueue<List<byte[]>> outbox = new LinkedBlockingQueue<>();

    public KernelSockets(ConnectionInfo info, Wire wire, PrintStream log) {
        this.wire = wire;
        this.log = log;
        shell = bind(SocketType.ROUTER, info.endpoint(info.shellPort()));
        control = bind(SocketType.ROUTER, info.endpoint(info.controlPort()));
        iopub = bind(SocketType.PUB, info.endpoint(info.iopubPort()));
        stdin = bind(SocketType.ROUTER, info.endpoint(info.stdinPort()));
        heartbeat = bind(SocketType.REP, info.endpoint(info.hbPort()));
    }

    private ZMQ.Socket bind(SocketType type, String endpoint) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(1000);
        if (type == SocketType.ROUTER || type == SocketType.REP) {
            s.setReceiveTimeOut(200);
        }
        if (!s.bind(endpoint)) {
            throw new IllegalStateException("cannot bind " + type + " socket to " + endpoint);
        }
        return s;
    }

    /** Starts the heartbeat, shell and control threads. */
    public void start(BiConsumer<Channel, Message> handler) {
        threads.add(daemon("frontier-heartbeat", () -> {
            while (running) {
                byte[] ping = heartbeat.recv();
                if (ping != null) {
                    heartbeat.send(ping);
                }
            }
        }));
        threads.add(daemon("frontier-iopub", this::sendIopub));
        threads.add(daemon("frontier-control", () -> serve(control, Channel.CONTROL, handler)));
        threads.add(daemon("frontier-shell", () -> serve(shell, Channel.SHELL, handler)));
    }

    private Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void serve(ZMQ.Socket socket, Channel channel, BiConsumer<Channel, Message> handler) {
        while (running) {
            List<byte[]> frames = receive(socket);
            if (frames == null) {
                continue;
            }
            Message m;
            try {
                m = wire.decode(frames);
            } catch (Wire.BadSignatureException e) {
                log.println("frontier-kernel: REJECTED a " + channel + " message with an invalid HMAC signature; not executed");
                continue;
            } catch (IOException | RuntimeException e) {
                log.println("frontier-kernel: dropped an unreadable " + channel + " message: " + e.getMessage());
                continue;
            }
            try {
                handler.accept(channel, m);
            } catch (Throwable t) {
                log.println("frontier-kernel: error handling " + m.type() + ": " + t);
                t.printStackTrace(log);
            }
        }
    }

    /**
     * The shell messages already waiting, without blocking (called on the shell thread, to
     * abort the cells queued behind a failed one). Unreadable or forged ones are dropped.
     */
    public List<Message> pendingShell() {
        List<Message> out = new ArrayList<>();
        while (true) {
            byte[] first = shell.recv(ZMQ.DONTWAIT);
            if (first == null) {
                return out;
            }
            List<byte[]> frames = new ArrayList<>();
            frames.add(first);
            while (shell.hasReceiveMore()) {
                frames.add(shell.recv());
            }
            try {
                out.add(wire.decode(frames));
            } catch (Wire.BadSignatureException e) {
                log.println("frontier-kernel: REJECTED a SHELL message with an invalid HMAC signature; not executed");
            } catch (IOException | RuntimeException e) {
                log.println("frontier-kernel: dropped an unreadable SHELL message: " + e.getMessage());
            }
        }
    }

    private static List<byte[]> receive(ZMQ.Socket socket) {
        byte[] first = socket.recv();
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return frames;
    }

    private static void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** Replies on the channel the request came from (called from that channel's thread). */
    public void reply(Channel channel, Message request, Content content) {
        List<byte[]> frames = wire.encode(request.identities(), wire.header(content.msgType(), request.header()),
                request.headerAsSent(), content);
        ZMQ.Socket s = channel == Channel.CONTROL ? control : shell;
        synchronized (s) {
            sendFrames(s, frames);
        }
    }

    /**
     * Publishes on iopub as caused by parent (null for none), from any thread. Messages are
     * queued to one sender thread: a cell thread stopped by an interrupt can never leave half a
     * multipart message.
     */
    public void publish(Message parent, Content content) {
        String type = content.msgType();
        outbox.add(wire.encode(List.of(("kernel." + type).getBytes(StandardCharsets.US_ASCII)),
                wire.header(type, parent == null ? null : parent.header()), parent == null ? null : parent.headerAsSent(), content));
    }

    private void sendIopub() {
        while (running || !outbox.isEmpty()) {
            try {
                List<byte[]> frames = outbox.poll(200, TimeUnit.MILLISECONDS);
                if (frames != null) {
                    sendFrames(iopub, frames);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Sends input_request to the frontend that made {@code request} and waits for its input_reply.
     * Returns null when the wait is interrupted.
     */
    public Message requestInput(Message request, Replies.InputRequest content) throws InterruptedException {
        List<byte[]> frames = wire.encode(request.identities(), wire.header(content.msgType(), request.header()),
                request.headerAsSent(), content);
        synchronized (stdin) {
            sendFrames(stdin, frames);
            while (running) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("input request interrupted");
                }
                List<byte[]> reply = receive(stdin);
                if (reply == null) {
                    continue;
                }
                try {
                    Message m = wire.decode(reply);
                    if ("input_reply".equals(m.type())) {
                        return m;
                    }
                } catch (Wire.BadSignatureException e) {
                    log.println("frontier-kernel: REJECTED a stdin message with an invalid HMAC signature");
                } catch (IOException e) {
                    log.println("frontier-kernel: dropped an unreadable stdin message: " + e.getMessage());
                }
            }
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        context.close();
    }
}
