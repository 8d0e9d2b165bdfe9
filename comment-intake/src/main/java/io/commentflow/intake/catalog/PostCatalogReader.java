package io.commentflow.intake.catalog;

import io.commentflow.events.PostChanged;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the whole compacted {@code post-catalog} topic into the {@link PostCatalogView} at start, then follows it.
 * Every instance reads every partition itself (assign and seek to the beginning, no consumer group, nothing
 * committed): each one needs the complete catalogue.
 * <p>
 * A record it cannot decode is skipped, logged by position and counted in
 * {@code commentflow.post_catalog.unreadable}: it is not sent to a dead-letter topic because every instance re-reads
 * the topic at every start and would write the same record there again each time.
 */
final class PostCatalogReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostCatalogReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration PARTITION_REFRESH = Duration.ofMinutes(1);

    private final Map<String, Object> consumerConfig;
    private final PostCatalogView view;
    private final EventDeserializer deserializer = new EventDeserializer();
    private final Counter unreadable;

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    PostCatalogReader(Map<String, Object> consumerConfig, PostCatalogView view, MeterRegistry registry) {
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.view = view;
        this.unreadable = registry.counter("commentflow.post_catalog.unreadable");
        registry.gauge("commentflow.post_catalog.posts", view, PostCatalogView::size);
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "post-catalog-reader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c =
                         new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = c;
                if (!running) {
                    return;   // stop() came before the consumer could be woken up
                }
                follow(c);
            } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
                // stop() woke or interrupted us: the loop condition ends the thread
            } catch (KafkaException | IllegalStateException e) {
                log.warn("reading {} failed, starting again in {}: {}", Topics.POST_CATALOG.name(), RETRY, e.toString());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> partitions = partitions(c);
        c.assign(partitions);
        c.seekToBeginning(partitions);
        CatchUp catchUp = new CatchUp(c.endOffsets(partitions));
        log.info("reading {} ({} partitions) from the beginning", Topics.POST_CATALOG.name(), partitions.size());
        long nextRefresh = System.nanoTime() + PARTITION_REFRESH.toNanos();
        while (running) {
            if (!view.caughtUp() && catchUp.reachedBy(c::position)) {
                view.markCaughtUp();
                log.info("post-catalog view caught up: {} posts", view.size());
            }
            for (ConsumerRecord<String, byte[]> record : c.poll(POLL)) {
                apply(record);
            }
            if (System.nanoTime() > nextRefresh) {
                partitions = addNewPartitions(c, partitions);
                nextRefresh = System.nanoTime() + PARTITION_REFRESH.toNanos();
            }
        }
    }

    /** Waits for the topic's metadata: the broker may still be starting, or the topic not yet declared. */
    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(Topics.POST_CATALOG.name());
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            log.info("{} does not exist yet; waiting", Topics.POST_CATALOG.name());
            pause();
        }
        throw new WakeupException();
    }

    private List<TopicPartition> addNewPartitions(KafkaConsumer<String, byte[]> c, List<TopicPartition> known) {
        List<TopicPartition> now = partitions(c);
        List<TopicPartition> added = now.stream().filter(p -> !known.contains(p)).toList();
        if (added.isEmpty()) {
            return known;
        }
        List<TopicPartition> all = new ArrayList<>(known);
        all.addAll(added);
        c.assign(all);
        c.seekToBeginning(added);
        log.info("{} grew to {} partitions", Topics.POST_CATALOG.name(), all.size());
        return all;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            tombstone(record);
            return;
        }
        SpecificRecord event;
        try {
            event = deserializer.deserialize(record.topic(), record.value());
        } catch (org.apache.kafka.common.errors.SerializationException e) {
            skip(record, e.getMessage());
            return;
        }
        if (event instanceof PostChanged changed) {
            view.apply(changed);
        } else {
            skip(record, "not a PostChanged: " + event.getClass().getSimpleName());
        }
    }

    private void tombstone(ConsumerRecord<String, byte[]> record) {
        try {
            view.remove(UUID.fromString(record.key()));
        } catch (IllegalArgumentException | NullPointerException e) {
            skip(record, "tombstone without a post id as its key");
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, String why) {
        unreadable.increment();
        log.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), why);
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
