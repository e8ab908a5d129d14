package io.customerauth.it.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerauth.it.harness.StrictJson;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte on a socket, from a chosen loopback address (127.0.0.3, say): a client of its own,
 * as the proxy and Keycloak's logs must tell it apart from the test JVM's 127.0.0.1 and from the proxy itself.
 */
final class Wire {

    private Wire() {
    }

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return StrictJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the body is not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** The request as curl writes it for {@code curl -H ... -d BODY URL}: these headers, then the body. */
    static String curlRequest(String method, String path, int port, String body, String... headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("User-Agent: curl/7.88.1\r\n")
                .append("Accept: */*\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        request.append("\r\n");
        if (body != null) {
            request.append(body);
        }
        return request.toString();
    }

    /** Sends these exact bytes to 127.0.0.1:port from {@code fromAddress} and reads one answer. */
    static Answer send(String fromAddress, int port, String request) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("request from " + fromAddress + " to port " + port + " failed", e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                    (first, second) -> first + ", " + second);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                // trailers: none expected
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            in.transferTo(body);
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-line: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
