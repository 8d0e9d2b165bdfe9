package io.commentflow.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far a consumer group is behind on a topic, from the broker's point of view (committed offsets against end
 * offsets), and how fast it catches up on a backlog. Partitions the group never committed count from their start.
 */
final class ConsumerLag implements AutoCloseable {

    /** A consumer group on its input topic. */
    record Consumer(String service, String group, String topic) {
    }

    /** The services' consumers, as the services declare them. */
    static final List<Consumer> PIPELINE = List.of(
            new Consumer("spam-filter", "spam-filter", "comment-submitted"),
            new Consumer("post-service", "post-service", "comment-scored"),
            new Consumer("notification", "notification", "reply-notification"));

    record Offsets(long committed, long end, int partitions) {
        long lag() {
            return Math.max(0, end - committed);
        }
    }

    /**
     * A backlog worked off: {@code records} consumed in all, {@code measured} of them between the first commit seen
     * and the last, which took {@code seconds}.
     */
    record Drain(long records, long measured, double seconds, boolean completed) {
        double perSecond() {
            return seconds <= 0 ? Double.NaN : measured / seconds;
        }
    }

    private final Admin admin;

    ConsumerLag(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    Offsets of(String group, String topic) throws InterruptedException {
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            var starts = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
            long committedSum = 0;
            long endSum = 0;
            for (TopicPartition tp : latest.keySet()) {
                OffsetAndMetadata c = committed.get(tp);
                committedSum += c != null ? c.offset() : starts.get(tp).offset();
                endSum += ends.get(tp).offset();
            }
            return new Offsets(committedSum, endSum, partitions);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + group + " on " + topic + ": " + e, e);
        }
    }

    /**
     * Waits until the running services' consumers have nothing left to do: no offset moved for 1.5 s and each lag
     * is at most one per partition (a transaction marker after the last record is never "consumed").
     *
     * @return seconds waited, or -1 when the pipeline was still busy at the timeout
     */
    double awaitQuiet(java.util.Set<String> stoppedServices, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Map<Consumer, Offsets> last = new HashMap<>();
        long stableSince = -1;
        while (System.nanoTime() < deadline) {
            Map<Consumer, Offsets> now = new HashMap<>();
            boolean caughtUp = true;
            for (Consumer consumer : PIPELINE) {
                if (stoppedServices.contains(consumer.service())) {
                    continue;
                }
                Offsets offsets = of(consumer.group(), consumer.topic());
                now.put(consumer, offsets);
                caughtUp &= offsets.lag() <= offsets.partitions();
            }
            if (caughtUp && now.equals(last)) {
                if (stableSince < 0) {
                    stableSince = System.nanoTime();
                }
                if (System.nanoTime() - stableSince >= 1_500_000_000L) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } else {
                stableSince = -1;
            }
            last = now;
            Thread.sleep(250);
        }
        return -1;
    }

    /**
     * Watches {@code group} work off its backlog on {@code topic} until it has committed up to {@code untilEnd} (or
     * the end offsets at the time, if larger), from {@code initial}: the offsets read before the consumer was
     * started or the backlog written.
     */
    Drain watchDrain(String group, String topic, Offsets initial, long untilEnd, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstTime = -1;
        long firstCommitted = -1;
        Offsets latest = initial;
        while (System.nanoTime() < deadline) {
            Offsets now = of(group, topic);
            long t = System.nanoTime();
            latest = now;
            if (firstTime < 0 && now.committed() > initial.committed()) {
                firstTime = t;
                firstCommitted = now.committed();
            }
            if (firstTime >= 0 && now.end() >= untilEnd && now.lag() == 0) {
                return new Drain(now.committed() - initial.committed(), now.committed() - firstCommitted,
                        (t - firstTime) / 1e9, true);
            }
            Thread.sleep(50);
        }
        return new Drain(latest.committed() - initial.committed(),
                firstTime < 0 ? 0 : latest.committed() - firstCommitted,
                firstTime < 0 ? 0 : (System.nanoTime() - firstTime) / 1e9, false);
    }

    List<String> describe(java.util.Set<String> stoppedServices) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        for (Consumer consumer : PIPELINE) {
            if (!stoppedServices.contains(consumer.service())) {
                Offsets o = of(consumer.group(), consumer.topic());
                lines.add(consumer.group() + " on " + consumer.topic() + ": lag " + o.lag());
            }
        }
        return lines;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
