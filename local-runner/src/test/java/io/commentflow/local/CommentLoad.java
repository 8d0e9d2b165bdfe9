package io.commentflow.local;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Posts comments to intake at a steady rate from a few threads and records every answer. */
final class CommentLoad {

    enum Kind { HAM, SPAM, UNSURE }

    /** One request: what was sent, what came back (status, or -1 refused / -2 timed out / -3 other), how fast. */
    record Outcome(int index, Kind kind, int status, String commentId, long millis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HAM_REMARKS = List.of(
            "Thanks for the write-up, it matches what we saw in our own team.",
            "Great write-up. Our city council started tweeting last year and residents finally answer back.",
            "Good points here, we had the same experience with our press office.");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String intakeUrl;
    private final String postId;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService workers;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    CommentLoad(String intakeUrl, String postId, int threads) {
        this.intakeUrl = intakeUrl;
        this.postId = postId;
        this.workers = Executors.newFixedThreadPool(threads);
    }

    /** Sends {@code count} comments, about {@code perSecond} a second in all, and returns at once. */
    void start(int count, int perSecond, int threads) {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) * threads / perSecond;
        for (int t = 0; t < threads; t++) {
            workers.submit(() -> {
                long due = System.nanoTime();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait); // pacing the load generator, not waiting for a result
                    }
                    due += intervalNanos;
                    outcomes.add(send(i));
                }
                return null;
            });
        }
        workers.shutdown();
    }

    boolean awaitDone(Duration timeout) throws InterruptedException {
        return workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    private Outcome send(int index) {
        Kind kind = switch (index % 10) {
            case 3 -> Kind.SPAM;
            case 7 -> Kind.UNSURE;
            default -> Kind.HAM;
        };
        String content = switch (kind) {
            // ordinary remarks the filter passes (intake's duplicate check keys on the author too, so they may repeat)
            case HAM -> HAM_REMARKS.get(index % HAM_REMARKS.size());
            case SPAM -> "Load comment " + run + "-" + index + ": cheap viagra and casino bonus today";
            case UNSURE -> "Load comment " + run + "-" + index + ": see https://a.example/x and https://b.example/y";
        };
        long start = System.nanoTime();
        try {
            String body = JSON.writeValueAsString(JSON.createObjectNode()
                    .put("post", postId)
                    .put("author_name", "Load " + index)
                    .put("author_email", "load" + index + "@example.org")
                    .put("content", content));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(intakeUrl + "/api/comments"))
                            .timeout(Duration.ofSeconds(15))
                            .header("Content-Type", "application/json")
                            // many readers behind one trusted proxy, so intake's flood check sees them apart
                            .header("X-Forwarded-For", "198.51." + (index / 250 % 250) + "." + (index % 250 + 1))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = response.statusCode() == 202 ? JSON.readTree(response.body()).get("id").asText() : null;
            return new Outcome(index, kind, response.statusCode(), id, millisSince(start));
        } catch (ConnectException refused) {
            return new Outcome(index, kind, -1, null, millisSince(start));
        } catch (HttpTimeoutException timedOut) {
            return new Outcome(index, kind, -2, null, millisSince(start));
        } catch (Exception other) {
            return new Outcome(index, kind, other instanceof java.io.IOException ? -1 : -3, null, millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
