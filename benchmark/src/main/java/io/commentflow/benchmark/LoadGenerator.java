package io.commentflow.benchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one HTTP endpoint from a few threads, each with its own keep-alive connection.
 * <ul>
 *   <li>{@link #closedLoop}: N clients, each sending its next request as soon as the last one was answered; how
 *       many answers a second the server manages with N requests in flight.</li>
 *   <li>{@link #openLoop}: requests at fixed intended times, whatever the server does. Latency is measured from the
 *       intended time, not from when a busy thread got round to sending, so a stall is counted for every request
 *       it delayed (coordinated-omission correction, as wrk2 does). A run stops sending a quarter of its length
 *       (at least 2 s) after its end; requests still unsent then count as "not sent", with the time they had
 *       waited so far as their latency.</li>
 * </ul>
 */
final class LoadGenerator {

    /** A request and what the caller needs to know about it when it is answered. */
    record Request(byte[] bytes, Object tag) {
    }

    /** Supplies the next request; called from several threads. */
    interface Requests {
        Request next();
    }

    /** Told about every answer (null response: no answer); called from the generator's threads. */
    interface Answers {
        Answers IGNORE = (request, sentNanos, response) -> { };

        void on(Request request, long sentNanos, HttpConnection.Response response);
    }

    /** A closed-loop ramp: one result per concurrency step, and the step that accepted most. */
    record Ramp(List<LoadResult> steps, LoadResult best, int bestConnections) {
    }

    private final String host;
    private final int port;

    LoadGenerator(String host, int port) {
        this.host = host;
        this.port = port;
    }

    LoadResult closedLoop(String name, Requests requests, int connections, Duration warmup, Duration measure,
                          boolean keepBody, Answers answers) throws InterruptedException {
        long start = System.nanoTime();
        long measureStart = start + warmup.toNanos();
        long end = measureStart + measure.toNanos();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            threads.add(thread(name + "-" + c, () -> {
                try (HttpConnection connection = new HttpConnection(host, port)) {
                    while (System.nanoTime() < end) {
                        Request request = requests.next();
                        long sent = System.nanoTime();
                        HttpConnection.Response response = send(connection, request, keepBody);
                        long done = System.nanoTime();
                        if (done >= measureStart && done <= end) {
                            recorder.record(response == null ? LatencyRecorder.NO_ANSWER : response.status(), done - sent);
                        }
                        answers.on(request, sent, response);
                    }
                }
            }));
        }
        joinAll(threads);
        return LatencyRecorder.merge(name, recorders, measure.toNanos() / 1e9, 0);
    }

    LoadResult openLoop(String name, Requests requests, double perSecond, Duration warmup, Duration measure,
                        int connections, boolean keepBody, Answers answers) throws InterruptedException {
        double intervalNanos = 1e9 / perSecond;
        long start = System.nanoTime() + 10_000_000L;
        long measureStart = start + warmup.toNanos();
        long end = measureStart + measure.toNanos();
        // a server far behind must not stretch the run without bound: after this, what is left is not sent
        long deadline = end + Math.max(2_000_000_000L, measure.toNanos() / 4);
        AtomicLong next = new AtomicLong();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            threads.add(thread(name + "-" + c, () -> {
                try (HttpConnection connection = new HttpConnection(host, port)) {
                    while (true) {
                        long intended = start + (long) (next.getAndIncrement() * intervalNanos);
                        if (intended >= end) {
                            return;
                        }
                        long now = System.nanoTime();
                        if (now > deadline) {
                            if (intended >= measureStart) {
                                recorder.record(LatencyRecorder.NOT_SENT, now - intended);
                            }
                            continue;
                        }
                        sleepUntil(intended);
                        Request request = requests.next();
                        HttpConnection.Response response = send(connection, request, keepBody);
                        long done = System.nanoTime();
                        if (intended >= measureStart) {
                            recorder.record(response == null ? LatencyRecorder.NO_ANSWER : response.status(),
                                    done - intended);
                        }
                        answers.on(request, intended, response);
                    }
                }
            }));
        }
        joinAll(threads);
        return LatencyRecorder.merge(name, recorders, measure.toNanos() / 1e9, perSecond);
    }

    /**
     * Closed loops with more and more connections until the accepted rate stops growing (two steps in a row
     * without 5% more than the best so far).
     */
    Ramp ramp(String name, Requests requests, int[] connectionSteps, Duration warmup, Duration step, int acceptedStatus)
            throws InterruptedException {
        List<LoadResult> results = new ArrayList<>();
        LoadResult best = null;
        int bestConnections = 0;
        int withoutGain = 0;
        for (int connections : connectionSteps) {
            LoadResult result = closedLoop(name + " x" + connections, requests, connections, warmup, step, false,
                    Answers.IGNORE);
            results.add(result);
            Progress.say("  %-28s %8.0f/s accepted, p99 %6.1f ms (%s)", result.name(), result.perSecond(acceptedStatus),
                    result.millis(99), result.statusSummary());
            if (best == null || result.perSecond(acceptedStatus) > best.perSecond(acceptedStatus) * 1.05) {
                withoutGain = 0;
            } else {
                withoutGain++;
            }
            if (best == null || result.perSecond(acceptedStatus) > best.perSecond(acceptedStatus)) {
                best = result;
                bestConnections = connections;
            }
            if (withoutGain >= 2) {
                break;
            }
        }
        return new Ramp(List.copyOf(results), best, bestConnections);
    }

    private static HttpConnection.Response send(HttpConnection connection, Request request, boolean keepBody) {
        try {
            return connection.exchange(request.bytes(), keepBody);
        } catch (IOException | RuntimeException e) {
            connection.close();
            LockSupport.parkNanos(5_000_000L); // refused or reset: do not spin
            return null;
        }
    }

    private static void sleepUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
