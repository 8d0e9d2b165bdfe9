package io.commentflow.spamfilter.pipeline;

import io.commentflow.spamfilter.akismet.AkismetPhase;
import io.commentflow.spamfilter.classifier.SpamClassifier;
import io.commentflow.spamfilter.classifier.TrainingData;
import io.commentflow.spamfilter.scoring.ClassifierPhase;
import io.commentflow.spamfilter.scoring.CommentScoring;
import io.commentflow.spamfilter.scoring.KnownSpammers;
import io.commentflow.spamfilter.scoring.ScoringPhase;
import io.commentflow.spamfilter.scoring.SpamRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Assembles the scoring phases, cheapest first. */
@Configuration(proxyBeanMethods = false)
class ScoringConfig {

    /** Trained at start-up on the corpus the project ships (a few seconds); moderators teach it from then on. */
    @Bean
    SpamClassifier spamClassifier() throws IOException {
        TrainingData data = TrainingData.load();
        return SpamClassifier.train(data.comments(), data.sms());
    }

    @Bean
    KnownSpammers knownSpammers() {
        return new KnownSpammers();
    }

    /** Akismet, when configured (a key is set), comes last: it costs a network round trip. */
    @Bean
    CommentScoring commentScoring(SpamFilterProperties properties, KnownSpammers spammers, SpamClassifier classifier,
                                  Optional<AkismetPhase> akismet) {
        SpamFilterProperties.Rules rules = properties.rules();
        List<ScoringPhase> phases = new ArrayList<>(List.of(
                new SpamRules(rules.disallowedWords(), rules.moderationWords(), rules.linksToHold()),
                spammers,
                new ClassifierPhase(classifier)));
        akismet.ifPresent(phases::add);
        return new CommentScoring(phases, properties.classifierVersion());
    }

    /**
     * Akismet's concurrency is per poll: with several listener threads polling at once, as many more comments may
     * wait on it, so no poll takes longer than it would alone.
     */
    @Bean
    BatchScoring batchScoring(CommentScoring scoring, Optional<AkismetPhase> akismet,
                              @Value("${spring.kafka.listener.concurrency:1}") int listeners) {
        return new BatchScoring(scoring, akismet.map(a -> a.concurrency() * Math.max(1, listeners)).orElse(1));
    }
}
