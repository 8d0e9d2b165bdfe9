package io.commentflow.posts.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Moves outbox rows to Kafka on a thread of its own: every {@code interval}, and soon after a transaction that
 * appended to the outbox commits (but not sooner than {@code linger} after its previous run, so that a flood of
 * commits is relayed in few, large batches). While Kafka or the database is unreachable it backs off up to
 * {@code maxBackoff}, says so once, and keeps trying; the events wait safely in the table meanwhile.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxSender sender;
    private final RelayProperties properties;
    private final Object signal = new Object();
    private boolean nudged;
    private volatile boolean running;
    private Thread thread;
    private int failures;

    OutboxRelay(OutboxSender sender, RelayProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** Sends everything pending now, on the caller's thread; returns how many events were published. */
    int relayPending() {
        int total = 0;
        int sent;
        do {
            sent = sender.sendBatch(properties.batchSize(), properties.sendTimeout());
            total += sent;
        } while (sent == properties.batchSize());
        return total;
    }

    /** Wakes the relay: something was just committed to the outbox. */
    void nudge() {
        synchronized (signal) {
            nudged = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                relayPending();
                if (failures > 0) {
                    log.info("Outbox relay is publishing again after {} failed attempts", failures);
                    failures = 0;
                }
                // commits during the linger are taken by the next run together; only stopping cuts it short
                Duration linger = min(properties.linger(), properties.interval());
                await(linger, false);
                await(properties.interval().minus(linger), true);
            } catch (RuntimeException e) {
                failures++;
                Duration backoff = backoff();
                if (failures == 1) {
                    log.warn("Outbox relay could not publish; events wait in the outbox, retrying with back-off up to {} ms: {}",
                            properties.maxBackoff().toMillis(), rootCause(e).toString());
                } else {
                    log.debug("Outbox relay attempt {} failed, next in {} ms: {}", failures, backoff.toMillis(), rootCause(e).toString());
                }
                await(backoff, false);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private Duration backoff() {
        long millis = properties.interval().toMillis() << Math.min(failures, 16);
        return Duration.ofMillis(Math.min(millis, properties.maxBackoff().toMillis()));
    }

    /** Waits for the period, or until nudged if {@code wakeOnNudge} (or nudged before), or until stopped. */
    private void await(Duration period, boolean wakeOnNudge) {
        long deadline = System.nanoTime() + period.toNanos();
        synchronized (signal) {
            try {
                long left;
                while (running && !(wakeOnNudge && nudged) && (left = deadline - System.nanoTime()) > 0) {
                    signal.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            if (wakeOnNudge) {
                // taken: the run that follows sees what was committed; a nudge while not listening stays for later
                nudged = false;
            }
        }
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.start();
        log.info("Outbox relay started (every {} ms or on commits, at most every {} ms; batches of {})",
                properties.interval().toMillis(), properties.linger().toMillis(), properties.batchSize());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        nudge();
        try {
            thread.join(properties.sendTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Outbox relay stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
