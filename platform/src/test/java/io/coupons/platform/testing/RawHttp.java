package io.coupons.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, the request line sent byte for byte: for what {@code java.net.URI}
 * refuses to build ({@code %ZZ}, raw {@code ;}, {@code %C0%AE}) and a hostile client sends anyway.
 * One request per connection ({@code Connection: close}); the answer is read to the end.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public static Answer send(int port, String method, String target, String user, String contentType, String body) {
        return send(port, method, target, user, contentType, body, null, null);
    }

    /** With one extra header, its value sent as UTF-8 bytes, whatever they are. */
    public static Answer send(int port, String method, String target, String user, String contentType, String body,
                              String header, String headerValue) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close\r\nAccept: application/json\r\n");
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            head.append("Authorization: Basic ").append(token).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (header != null) {
            head.append(header).append(": ").append(headerValue).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(content);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before a body it refuses has been sent whole.
            }
            return Answer.parse(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " failed", e);
        }
    }

    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        static Answer parse(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IOException("No complete HTTP answer: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            String body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest)
                    : new String(rest, StandardCharsets.UTF_8);
            return new Answer(status, headers, body);
        }

        private static String dechunk(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < bytes.length) {
                int lineEnd = at;
                while (lineEnd + 1 < bytes.length && !(bytes[lineEnd] == '\r' && bytes[lineEnd + 1] == '\n')) {
                    lineEnd++;
                }
                String sizeText = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
                int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
                if (size == 0) {
                    break;
                }
                out.write(bytes, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
