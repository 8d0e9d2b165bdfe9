package io.commentflow.spamfilter.learning;

import io.commentflow.events.CommentModerated;
import io.commentflow.events.ModerationAction;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventDeserializer;
import io.commentflow.spamfilter.classifier.LabeledText;
import io.commentflow.spamfilter.classifier.SpamClassifier;
import io.commentflow.spamfilter.classifier.TextCleaner;
import io.commentflow.spamfilter.scoring.KnownSpammers;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Teaches the filter what moderators decide. Reads {@code comment-moderated} (kept forever) from the beginning at
 * every start, so what moderators taught survives restarts without state of our own, then follows it: SPAM, NOT_SPAM
 * and APPROVE decisions retrain the classifier (once per batch) and keep the list of known spammers. Each instance reads
 * the whole topic itself; no consumer group, nothing committed. Decisions made while it runs (past the end the topic
 * had at start) are also passed on to the {@link ModeratorDecisionListener}s, e.g. to report them to Akismet.
 */
@Component
class ModeratorLearning implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModeratorLearning.class);

    private final SpamClassifier classifier;
    private final KnownSpammers spammers;
    private final List<ModeratorDecisionListener> listeners;
    private final LiveOffsets live = new LiveOffsets();
    private final Map<String, Object> consumerConfig;
    private volatile Consumer<String, SpecificRecord> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    ModeratorLearning(SpamClassifier classifier, KnownSpammers spammers, KafkaProperties kafka,
                      ObjectProvider<ModeratorDecisionListener> listeners) {
        this.classifier = classifier;
        this.spammers = spammers;
        this.listeners = listeners.orderedStream().toList();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LenientEventDeserializer.class);
        this.consumerConfig = config;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "moderator-learning");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (Consumer<String, SpecificRecord> c = new KafkaConsumer<>(consumerConfig)) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(Topics.COMMENT_MODERATED.name(), Duration.ofSeconds(10))
                        .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (partitions.isEmpty()) {
                    continue; // topic not there yet: ask again
                }
                c.assign(partitions);
                live.startAt(c.endOffsets(partitions));
                c.seekToBeginning(partitions);
                while (running) {
                    learn(c.poll(Duration.ofSeconds(1)));
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                log.warn("Reading comment-moderated failed, retrying: {}", e.toString());
                pause();
            }
        }
    }

    private void learn(Iterable<ConsumerRecord<String, SpecificRecord>> records) {
        Map<String, LabeledText> decisions = new LinkedHashMap<>();
        for (ConsumerRecord<String, SpecificRecord> record : records) {
            if (!(record.value() instanceof CommentModerated moderated)) {
                continue; // unreadable or not ours: nothing to learn
            }
            if (live.isLive(new TopicPartition(record.topic(), record.partition()), record.offset())) {
                tell(moderated);
            }
            ModerationAction action = moderated.getAction();
            // approving a held comment is a moderator saying "this is fine": it teaches the filter this blog's ham
            if (action != ModerationAction.SPAM && action != ModerationAction.NOT_SPAM
                    && action != ModerationAction.APPROVE) {
                continue;
            }
            boolean spam = action == ModerationAction.SPAM;
            String email = moderated.getAuthor().getEmail();
            String ip = moderated.getAuthor().getIp();
            if (spam) {
                spammers.markSpammer(email, ip);
            } else {
                spammers.clear(email, ip);
            }
            decisions.put(moderated.getCommentId().toString(), new LabeledText(
                    TextCleaner.htmlToText(moderated.getContent()), moderated.getAuthor().getName(), spam));
            log.info("Learning from moderator: comment {} is {}", moderated.getCommentId(), spam ? "spam" : "not spam");
        }
        if (!decisions.isEmpty()) {
            classifier.learnAll(decisions);
        }
    }

    /** A listener's failure must not make us read the whole topic again. */
    private void tell(CommentModerated moderated) {
        for (ModeratorDecisionListener listener : listeners) {
            try {
                listener.on(moderated);
            } catch (RuntimeException e) {
                log.warn("Passing on the decision about comment {} failed: {}", moderated.getCommentId(), e.toString());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(2_000); // back off before reconnecting to a broker that just failed us
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, SpecificRecord> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Skips records that are not our events instead of failing the read. */
    public static class LenientEventDeserializer extends EventDeserializer {
        @Override
        public SpecificRecord deserialize(String topic, byte[] data) {
            try {
                return super.deserialize(topic, data);
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
