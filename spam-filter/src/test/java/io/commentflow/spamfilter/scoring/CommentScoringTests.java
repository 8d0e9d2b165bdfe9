package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static io.commentflow.spamfilter.scoring.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;

class CommentScoringTests {

    private final SpamRules rules = new SpamRules(SpamRules.DEFAULT_DISALLOWED_WORDS, List.of("crypto"), 2);
    private final CommentScoring scoring = new CommentScoring(List.of(rules), "rules-1");

    @Test
    void passesAnOrdinaryCommentAsHam() {
        Decision decision = scoring.score(comment("What a lovely engine.").build());

        assertThat(decision).isEqualTo(new Decision(Verdict.HAM, 0.05, List.of(), "rules-1", "rules"));
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
        ScoringPhase costly = phase("costly", comment -> {
            asked.add(comment.getContent());
            return List.of(new Finding(Verdict.UNSURE, "costly doubt"));
        });
        CommentScoring phased = new CommentScoring(List.of(rules, costly), "rules-1+costly");

        assertThat(phased.score(comment("viagra").build()).reasons()).containsExactly("disallowed word 'viagra' in content");
        assertThat(phased.score(comment("hello").build()).verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(asked).containsExactly("hello");
    }

    @Test
    void namesThePhaseThatMadeTheCommentSpam() {
        CommentScoring phased = new CommentScoring(List.of(rules, phase("known-spammers", spammerIf("Mallory")),
                phase("classifier", says(Verdict.UNSURE))), "v");

        assertThat(phased.score(comment("viagra").build()).phase()).isEqualTo("rules");
        CommentSubmitted byMallory = comment("hello").build();
        byMallory.getAuthor().setName("Mallory");
        assertThat(phased.score(byMallory).phase()).isEqualTo("known-spammers");
    }

    @Test
    void namesTheFirstPhaseThatHeldAnUnsureComment() {
        CommentScoring phased = new CommentScoring(List.of(rules, phase("classifier", says(Verdict.UNSURE))), "v");

        Decision rulesDoubt = phased.score(comment("crypto tips").build());
        Decision classifierDoubt = phased.score(comment("tips").build());

        assertThat(rulesDoubt.verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(rulesDoubt.phase()).isEqualTo("rules");
        assertThat(classifierDoubt.verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(classifierDoubt.phase()).isEqualTo("classifier");
    }

    @Test
    void creditsALaterPhaseThatTurnedDoubtIntoSpam() {
        ScoringPhase akismet = new ScoringPhase() {
            @Override
            public String name() {
                return "akismet";
            }

            @Override
            public List<Finding> examine(CommentSubmitted comment) {
                throw new AssertionError("the phase is asked with the earlier findings");
            }

            @Override
            public List<Finding> examine(CommentSubmitted comment, List<Finding> earlier) {
                return List.of(earlier.isEmpty() ? new Finding(Verdict.UNSURE, "remote: spam")
                        : new Finding(Verdict.SPAM, "remote: spam, like " + earlier.get(0).reason()));
            }
        };
        CommentScoring phased = new CommentScoring(List.of(rules, akismet), "v");

        Decision doubted = phased.score(comment("crypto tips").build());
        Decision clean = phased.score(comment("tips").build());

        assertThat(doubted.verdict()).isEqualTo(Verdict.SPAM);
        assertThat(doubted.phase()).isEqualTo("akismet");
        assertThat(doubted.reasons()).containsExactly("moderation word 'crypto' in content",
                "remote: spam, like moderation word 'crypto' in content");
        assertThat(clean.verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(clean.phase()).isEqualTo("akismet");
    }

    @Test
    void creditsHamToTheLastPhaseThatJudgedNotToOneThatOnlyRemarked() {
        ScoringPhase down = phase("akismet", comment -> List.of(Finding.remark("remote: unavailable")));
        CommentScoring withRemote = new CommentScoring(List.of(rules, phase("classifier", says(Verdict.HAM)), down), "v");
        CommentScoring asked = new CommentScoring(List.of(rules, phase("akismet", says(Verdict.HAM))), "v");

        Decision whileDown = withRemote.score(comment("What a lovely engine.").build());

        assertThat(whileDown.verdict()).isEqualTo(Verdict.HAM);
        assertThat(whileDown.phase()).isEqualTo("classifier");
        assertThat(whileDown.reasons()).containsExactly("classifier says ham", "remote: unavailable");
        assertThat(asked.score(comment("What a lovely engine.").build()).phase()).isEqualTo("akismet");
        assertThat(new CommentScoring(List.of(), "v").score(comment("hi").build()).phase()).isEqualTo("none");
    }

    @Test
    void aRemarkNeverChangesTheVerdict() {
        CommentScoring phased = new CommentScoring(List.of(rules,
                phase("akismet", comment -> List.of(Finding.remark("remote: unavailable")))), "v");

        Decision decision = phased.score(comment("crypto tips").build());

        assertThat(decision.verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(decision.phase()).isEqualTo("rules");
        assertThat(decision.score()).isEqualTo(0.5);
    }

    private static ScoringPhase phase(String name, Function<CommentSubmitted, List<Finding>> examine) {
        return new ScoringPhase() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Finding> examine(CommentSubmitted comment) {
                return examine.apply(comment);
            }
        };
    }

    private static Function<CommentSubmitted, List<Finding>> says(Verdict verdict) {
        return comment -> List.of(new Finding(verdict, "classifier says " + verdict.name().toLowerCase(Locale.ROOT)));
    }

    private static Function<CommentSubmitted, List<Finding>> spammerIf(String name) {
        return comment -> comment.getAuthor().getName().equals(name)
                ? List.of(new Finding(Verdict.SPAM, "known spammer")) : List.of();
    }
}
