package io.commentflow.spamfilter.pipeline;

import io.commentflow.spamfilter.classifier.SpamClassifier;
import io.commentflow.spamfilter.classifier.TrainingData;
import io.commentflow.spamfilter.scoring.ClassifierPhase;
import io.commentflow.spamfilter.scoring.CommentScoring;
import io.commentflow.spamfilter.scoring.KnownSpammers;
import io.commentflow.spamfilter.scoring.SpamRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.util.List;

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

    @Bean
    CommentScoring commentScoring(SpamFilterProperties properties, KnownSpammers spammers, SpamClassifier classifier) {
        SpamFilterProperties.Rules rules = properties.rules();
        return new CommentScoring(List.of(
                new SpamRules(rules.disallowedWords(), rules.moderationWords(), rules.linksToHold()),
                spammers,
                new ClassifierPhase(classifier)),
                properties.classifierVersion());
    }
}
