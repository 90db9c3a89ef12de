package dev.kept.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client will not send: a malformed path, a request
 * line longer than the server reads, a body announced but never sent, a body in chunks. Reads one
 * answer by its Content-Length or its chunks, so it never waits for the server to close.
 */
final class RawHttp {

    /** One answer: status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    private final int port;

    RawHttp(Environment environment) {
        this.port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
    }

    /**
     * Sends the head (request line and headers, each ending in CRLF) and a body, and reads the
     * answer. The body is written from another thread: the server may answer before reading it.
     */
    Answer send(String head, byte[] body) {
        return exchange((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1), out -> {
            out.write(body);
            out.flush();
        });
    }

    Answer send(String head) {
        return send(head, new byte[0]);
    }

    /** Sends the head and the body in chunks of 8 KB, and reads the answer. */
    Answer sendChunked(String head, byte[] body) {
        return exchange((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), out -> {
            for (int at = 0; at < body.length; at += 8192) {
                int length = Math.min(8192, body.length - at);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, at, length);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        });
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private Answer exchange(byte[] head, Body body) {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.flush();
            Thread writer = new Thread(
                    () -> {
                        try {
                            body.writeTo(out);
                        } catch (IOException stopped) {
                            // the server answered and closed the connection before the end of the body
                        }
                    },
                    "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            // closing the socket ends the writer if it is still sending
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("localhost", port);
        // a safety net for a server that never answers, not a wait the test relies on
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static Answer read(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(
                    line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            in.transferTo(body);
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The connection closed in the middle of an answer: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
