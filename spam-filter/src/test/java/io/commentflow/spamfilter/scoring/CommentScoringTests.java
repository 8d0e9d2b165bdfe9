package io.commentflow.spamfilter.scoring;

import io.commentflow.events.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.commentflow.spamfilter.scoring.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;

class CommentScoringTests {

    private final SpamRules rules = new SpamRules(SpamRules.DEFAULT_DISALLOWED_WORDS, List.of("crypto"), 2);
    private final CommentScoring scoring = new CommentScoring(List.of(rules), "rules-1");

    @Test
    void passesAnOrdinaryCommentAsHam() {
        Decision decision = scoring.score(comment("What a lovely engine.").build());

        assertThat(decision).isEqualTo(new Decision(Verdict.HAM, 0.05, List.of(), "rules-1"));
    }

    @Test
    void callsSpamWithHighScoreAndItsReason() {
        Decision decision = scoring.score(comment("buy viagra").build());

        assertThat(decision.verdict()).isEqualTo(Verdict.SPAM);
        assertThat(decision.score()).isEqualTo(0.99);
        assertThat(decision.reasons()).containsExactly("disallowed word 'viagra' in content");
    }

    @Test
    void holdsDoubtfulCommentsAsUnsure() {
        Decision decision = scoring.score(comment("crypto tips").build());

        assertThat(decision.verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(decision.score()).isEqualTo(0.5);
    }

    @Test
    void letsSpamOutweighDoubtAndKeepsEveryReason() {
        Decision decision = scoring.score(comment("crypto casino https://a.example https://b.example").build());

        assertThat(decision.verdict()).isEqualTo(Verdict.SPAM);
        assertThat(decision.reasons()).containsExactlyInAnyOrder("disallowed word 'casino' in content",
                "moderation word 'crypto' in content", "2 links in content (holding at 2)");
    }

    @Test
    void skipsLaterPhasesOnceAPhaseIsSureOfSpam() {
        List<String> asked = new ArrayList<>();
        ScoringPhase costly = comment -> {
            asked.add(comment.getContent());
            return List.of(new Finding(Verdict.UNSURE, "costly doubt"));
        };
        CommentScoring phased = new CommentScoring(List.of(rules, costly), "rules-1+costly");

        assertThat(phased.score(comment("viagra").build()).reasons()).containsExactly("disallowed word 'viagra' in content");
        assertThat(phased.score(comment("hello").build()).verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(asked).containsExactly("hello");
    }
}
