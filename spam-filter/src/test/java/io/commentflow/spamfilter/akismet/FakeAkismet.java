package io.commentflow.spamfilter.akismet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server speaking Akismet's protocol (rest.akismet.com/1.1): form-encoded POSTs, the key checked as
 * {@code api_key} ({@code invalid} with {@code X-akismet-debug-help} when wrong, as Akismet does), comment-check
 * answered as the test decides (possibly slowly, or with an HTTP error), submit-spam/submit-ham thanked. Records every
 * request it was sent.
 */
public final class FakeAkismet implements AutoCloseable {

    public record Request(String method, String path, Map<String, String> form, String contentType, String userAgent) {
    }

    /** What the server answers: status, body, headers, after a delay. */
    public record Reply(int status, String body, Map<String, String> headers, Duration delay) {

        public static Reply spam() {
            return new Reply(200, "true", Map.of(), Duration.ZERO);
        }

        public static Reply discard() {
            return new Reply(200, "true", Map.of("X-akismet-pro-tip", "discard"), Duration.ZERO);
        }

        public static Reply ham() {
            return new Reply(200, "false", Map.of(), Duration.ZERO);
        }

        public static Reply invalid(String debugHelp) {
            return new Reply(200, "invalid", Map.of("X-akismet-debug-help", debugHelp), Duration.ZERO);
        }

        public static Reply error(int status) {
            return new Reply(status, "oops", Map.of(), Duration.ZERO);
        }

        public Reply after(Duration delay) {
            return new Reply(status, body, headers, delay);
        }
    }

    private final String key;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> checks = request -> Reply.ham();

    public FakeAkismet(String key) {
        this.key = key;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/1.1/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How comment-check answers from now on. */
    public void answer(Function<Request, Reply> checks) {
        this.checks = checks;
    }

    public List<Request> requests(String call) {
        return requests.stream().filter(r -> r.path().equals("/1.1/" + call)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("User-Agent"));
            requests.add(request);
            Reply reply = reply(request);
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis()); // the slow server being simulated, not a test waiting
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and hung up
        }
    }

    private Reply reply(Request request) {
        if (!"POST".equals(request.method())) {
            return new Reply(405, "POST only", Map.of(), Duration.ZERO);
        }
        if (!key.equals(request.form().get("api_key"))) {
            return Reply.invalid("Invalid API key. Check your key at https://akismet.com/account/");
        }
        if (request.form().get("blog") == null) {
            return Reply.invalid("Empty \"blog\" value");
        }
        return switch (request.path()) {
            case "/1.1/verify-key" -> new Reply(200, "valid", Map.of(), Duration.ZERO);
            case "/1.1/comment-check" -> checks.apply(request);
            case "/1.1/submit-spam", "/1.1/submit-ham" ->
                    new Reply(200, "Thanks for making the web a better place.", Map.of(), Duration.ZERO);
            default -> new Reply(404, "not found", Map.of(), Duration.ZERO);
        };
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        Arrays.stream(body.split("&")).filter(pair -> !pair.isEmpty()).forEach(pair -> {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        });
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
