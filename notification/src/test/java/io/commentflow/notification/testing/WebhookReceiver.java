package io.commentflow.notification.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server (the JDK's) that records every webhook it receives and answers 200, or a programmed error
 * status for the next few requests whose body contains some text. One per test JVM, like the shared context.
 */
public final class WebhookReceiver {

    /** One request as the server saw it. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body, long receivedNanos, int answered) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private record Failure(String path, String bodyContains, int status, AtomicInteger remaining) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hooks/", receiver::handle);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code times} requests to this path whose body contains {@code text} get {@code status}. */
    public void failNext(String path, String text, int times, int status) {
        failures.add(new Failure(path, text, status, new AtomicInteger(times)));
    }

    /** Every request to this path whose body contains the text, in arrival order. */
    public List<Received> requests(String path, String bodyContains) {
        List<Received> matching = new ArrayList<>();
        for (Received request : received) {
            if (request.path().equals(path) && request.text().contains(bodyContains)) {
                matching.add(request);
            }
        }
        return matching;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        int status = 200;
        for (Failure failure : failures) {
            if (path.equals(failure.path()) && text.contains(failure.bodyContains())
                    && failure.remaining().getAndDecrement() > 0) {
                status = failure.status();
                break;
            }
        }
        received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body,
                System.nanoTime(), status));
        byte[] answer = (status == 200 ? "ok" : "nope").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
