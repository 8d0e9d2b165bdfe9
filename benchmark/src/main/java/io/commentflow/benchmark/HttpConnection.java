package io.commentflow.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection, blocking, as cheap as a client can be: the load generator must not be what
 * limits the figures on a 2-core machine. Reads {@code Content-Length} and chunked bodies, reconnects when the
 * server says {@code Connection: close} (Tomcat does after 100 requests) or closed an idle connection.
 */
final class HttpConnection implements AutoCloseable {

    /** A response: its status and, when asked for, its body. */
    record Response(int status, byte[] body) {

        String bodyText() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** {@code GET path} as raw bytes, for a request sent many times. */
    static byte[] get(String hostHeader, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: */*\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code GET path} as a browser asks for a page: it accepts compressed answers (read, not decompressed, here). */
    static byte[] getLikeABrowser(String hostHeader, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: text/html,*/*;q=0.8\r\n"
                + "Accept-Encoding: gzip, deflate, br, zstd\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code POST path} with a JSON body and extra header lines (each ending in CRLF). */
    static byte[] postJson(String hostHeader, String path, String extraHeaders, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /**
     * Sends one request and reads the whole response. A request on a reused connection that the server had
     * already closed (nothing read back) is sent once more on a fresh connection, as HTTP clients do.
     */
    Response exchange(byte[] request, boolean keepBody) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            return send(request, keepBody);
        } catch (StaleConnectionException stale) {
            close();
            connect();
            return send(request, keepBody);
        }
    }

    private Response send(byte[] request, boolean keepBody) throws IOException {
        boolean wasReused = reused;
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            if (wasReused) {
                throw new StaleConnectionException();
            }
            throw e;
        }
        String statusLine = readLine(in);
        if (statusLine == null) {
            if (wasReused) {
                throw new StaleConnectionException();
            }
            throw new EOFException("connection closed before the status line");
        }
        reused = true;
        int status = parseStatus(statusLine);
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase().contains("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        if (chunked) {
            readChunked(body);
        } else if (contentLength >= 0) {
            readFully(contentLength, body);
        } else if (status >= 200 && status != 204 && status != 304) {
            readToEnd(body);
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body == null ? null : body.toByteArray());
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
        out = s.getOutputStream();
        reused = false;
    }

    private void readChunked(ByteArrayOutputStream body) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                    // trailers are not used
                }
                return;
            }
            readFully(size, body);
            readLine(in); // the CRLF after each chunk
        }
    }

    private void readFully(long length, ByteArrayOutputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("connection closed inside the body");
            }
            if (body != null) {
                body.write(buffer, 0, n);
            }
            left -= n;
        }
    }

    private void readToEnd(ByteArrayOutputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (body != null) {
                body.write(buffer, 0, n);
            }
        }
    }

    /** A line without its CRLF, or null at the end of the stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
            b = in.read();
        }
        return line.toString();
    }

    private static int parseStatus(String statusLine) throws IOException {
        // "HTTP/1.1 202 Accepted" or "HTTP/1.1 202" (Tomcat leaves the reason phrase out)
        int space = statusLine.indexOf(' ');
        if (!statusLine.startsWith("HTTP/") || space < 0 || statusLine.length() < space + 4) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        return Integer.parseInt(statusLine.substring(space + 1, space + 4));
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
        reused = false;
    }

    /** The server had closed the kept-alive connection before this request: safe to send it again. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException() {
            super("stale keep-alive connection");
        }
    }
}
