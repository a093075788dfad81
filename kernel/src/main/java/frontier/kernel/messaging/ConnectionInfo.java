package frontier.kernel.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;

/** The connection file Jupyter writes for a kernel: where to bind and how to sign. */
public record ConnectionInfo(String transport, String ip, int shellPort, int controlPort, int iopubPort,
                             int stdinPort, int hbPort, String key, String signatureScheme) {

    public static ConnectionInfo read(Path file) throws IOException {
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read connection file " + file + ": " + e.getMessage(), e);
        }
        String scheme = n.path("signature_scheme").asText("hmac-sha256");
        return new ConnectionInfo(n.path("transport").asText("tcp"), n.path("ip").asText("127.0.0.1"),
                n.path("shell_port").asInt(), n.path("control_port").asInt(), n.path("iopub_port").asInt(),
                n.path("stdin_port").asInt(), n.path("hb_port").asInt(), n.path("key").asText(""), scheme);
    }

    /** The ZeroMQ endpoint for a port: only the address the connection file names. */
    public String endpoint(int port) {
        if ("ipc".equals(transport)) {
            return "ipc://" + ip + "-" + port;
        }
        return transport + "://" + ip + ":" + port;
    }
}
