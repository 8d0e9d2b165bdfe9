package io.commentflow.intake.submission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A plain HTTP client as a browser or frontend would use it: raw bodies, no redirects followed. Tests run behind a
 * pretend proxy (the test context trusts 127.0.0.1): each request says it comes from a fresh client address in
 * {@code X-Forwarded-For}, so the flood check sees different people unless a test picks one address with {@link #from}.
 */
final class Http {

    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    private final HttpClient client;
    private final String base;
    private final String clientAddress;
    private final Map<String, String> headers;

    Http(int port) {
        this(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build(), "http://127.0.0.1:" + port, null, Map.of());
    }

    private Http(HttpClient client, String base, String clientAddress, Map<String, String> headers) {
        this.client = client;
        this.base = base;
        this.clientAddress = clientAddress;
        this.headers = headers;
    }

    /** A fresh documentation-range address (2001:db8::/32) nobody else in the test run uses. */
    static String freshAddress() {
        return "2001:db8::" + Integer.toHexString(CLIENTS.getAndIncrement());
    }

    /** The address that sends no forwarding header: the socket address (127.0.0.1) counts. */
    static final String SOCKET = "socket";

    /** Requests that all come from {@code address}, or {@link #SOCKET}. */
    Http from(String address) {
        return new Http(client, base, address, headers);
    }

    /** Requests with one more header. */
    Http with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(client, base, clientAddress, more);
    }

    HttpResponse<String> postJson(String path, String json) {
        return postJson(path, json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postJson(String path, byte[] json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", "commentflow-test/1.0")
                .header("Referer", "http://localhost:8080/posts/hello")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    /** A body sent chunked, without a Content-Length. */
    HttpResponse<String> postChunked(String path, String contentType, byte[] body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return postFormBody(path, formBody(fields));
    }

    /** A form as a browser sends it; {@code body} already url-encoded. */
    HttpResponse<String> postFormBody(String path, String body) {
        return postFormBytes(path, body.getBytes(StandardCharsets.US_ASCII));
    }

    HttpResponse<String> postFormBytes(String path, byte[] body) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "Mozilla/5.0 (commentflow-test)")
                .header("Referer", "http://localhost:8080/posts/hello")
                .header("Origin", "http://localhost:8080")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> options(String path) {
        return send(request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        String address = clientAddress != null ? clientAddress : freshAddress();
        if (!headers.containsKey("X-Forwarded-For") && !SOCKET.equals(address)) {
            request.header("X-Forwarded-For", address);
        }
        headers.forEach(request::header);
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
