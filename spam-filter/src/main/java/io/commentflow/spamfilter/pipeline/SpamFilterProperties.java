package io.commentflow.spamfilter.pipeline;

import io.commentflow.spamfilter.scoring.SpamRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Settings under {@code commentflow.spam}; lists can be set from the environment comma-separated, e.g.
 * {@code COMMENTFLOW_SPAM_RULES_MODERATIONWORDS=crypto,forex}.
 *
 * @param classifierVersion recorded on every verdict, so a later model's verdicts can be told apart
 */
@ConfigurationProperties("commentflow.spam")
record SpamFilterProperties(@DefaultValue("rules-2+nblr-1") String classifierVersion, @DefaultValue Rules rules) {

    record Rules(List<String> disallowedWords, List<String> moderationWords,
                 @DefaultValue("" + SpamRules.DEFAULT_LINKS_TO_HOLD) int linksToHold) {

        Rules {
            disallowedWords = disallowedWords == null ? SpamRules.DEFAULT_DISALLOWED_WORDS : List.copyOf(disallowedWords);
            moderationWords = moderationWords == null ? List.of() : List.copyOf(moderationWords);
        }
    }
}
