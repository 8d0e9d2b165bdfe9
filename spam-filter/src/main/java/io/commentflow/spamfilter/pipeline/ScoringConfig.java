package io.commentflow.spamfilter.pipeline;

import io.commentflow.spamfilter.scoring.CommentScoring;
import io.commentflow.spamfilter.scoring.SpamRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Assembles the scoring phases, cheapest first. */
@Configuration(proxyBeanMethods = false)
class ScoringConfig {

    @Bean
    CommentScoring commentScoring(SpamFilterProperties properties) {
        SpamFilterProperties.Rules rules = properties.rules();
        return new CommentScoring(
                List.of(new SpamRules(rules.disallowedWords(), rules.moderationWords(), rules.linksToHold())),
                properties.classifierVersion());
    }
}
