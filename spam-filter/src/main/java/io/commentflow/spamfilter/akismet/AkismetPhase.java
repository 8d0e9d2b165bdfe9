package io.commentflow.spamfilter.akismet;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.Verdict;
import io.commentflow.spamfilter.scoring.Finding;
import io.commentflow.spamfilter.scoring.ScoringPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The last and costliest phase: asks Akismet, when a key is configured. It only runs for comments the local phases did
 * not already call spam. Its answer is weighed so that it cannot hide a real comment on its own:
 * <ul>
 *   <li>{@code true} with {@code X-akismet-pro-tip: discard} (blatant spam, Akismet's own advice is not to keep it)
 *       → SPAM;</li>
 *   <li>{@code true} when a local phase had doubts (a moderation word, links, the classifier's uncertain band)
 *       → SPAM, two independent judges agreeing;</li>
 *   <li>{@code true} when nothing local found anything → UNSURE: held for a moderator, not hidden;</li>
 *   <li>{@code false} → nothing against the comment; it never clears what a local phase held;</li>
 *   <li>{@code invalid} (bad key or fields), no answer within the timeout, an HTTP error, or the circuit breaker
 *       open → a remark: the local verdict stands and the reason says why Akismet did not count.</li>
 * </ul>
 * Comments Akismet answered for are remembered, so a moderator's correction can be reported (see
 * {@link AkismetFeedback}).
 */
public final class AkismetPhase implements ScoringPhase {

    private static final Logger log = LoggerFactory.getLogger(AkismetPhase.class);

    private final AkismetClient client;
    private final AkismetFields fields;
    private final RecentComments recent;
    private final int concurrency;
    private final AkismetMetrics metrics;

    AkismetPhase(AkismetClient client, AkismetFields fields, RecentComments recent, int concurrency,
                 AkismetMetrics metrics) {
        this.client = client;
        this.fields = fields;
        this.recent = recent;
        this.concurrency = concurrency;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "akismet";
    }

    /** How many comments of one poll may wait on Akismet at the same time. */
    public int concurrency() {
        return concurrency;
    }

    @Override
    public List<Finding> examine(CommentSubmitted comment) {
        return examine(comment, List.of());
    }

    @Override
    public List<Finding> examine(CommentSubmitted comment, List<Finding> earlier) {
        Map<String, String> form = fields.of(comment);
        long start = System.nanoTime();
        AkismetClient.Answer answer = client.check(form);
        metrics.checked(answer.outcome(), Duration.ofNanos(System.nanoTime() - start));
        String commentId = comment.getCommentId().toString();
        log.debug("Akismet on comment {}: {}", commentId, answer.outcome());
        switch (answer.outcome()) {
            case SPAM, DISCARD, HAM -> recent.remember(commentId, form, answer.outcome() != AkismetClient.Outcome.HAM);
            case INVALID -> log.warn("Akismet could not judge comment {}: invalid ({}); check the key and blog URL",
                    commentId, answer.detail());
            case UNAVAILABLE -> log.warn("Akismet gave no verdict on comment {}: {}", commentId, answer.detail());
            case NOT_ASKED -> log.debug("Akismet not asked about comment {}: {}", commentId, answer.detail());
        }
        return List.of(finding(answer, earlier.stream().anyMatch(f -> f.verdict() == Verdict.UNSURE)));
    }

    private static Finding finding(AkismetClient.Answer answer, boolean localDoubts) {
        return switch (answer.outcome()) {
            case DISCARD -> new Finding(Verdict.SPAM, "akismet: blatant spam (pro-tip: discard)");
            case SPAM -> localDoubts
                    ? new Finding(Verdict.SPAM, "akismet: spam, confirming the doubts above")
                    : new Finding(Verdict.UNSURE, "akismet: spam; held for a moderator, as nothing else found fault");
            case HAM -> new Finding(Verdict.HAM, "akismet: not spam");
            case INVALID -> Finding.remark("akismet: answered invalid"
                    + (answer.detail() == null ? "" : " (" + answer.detail() + ")") + "; the local verdict stands");
            case UNAVAILABLE, NOT_ASKED -> Finding.remark("akismet: unavailable (" + answer.detail()
                    + "); the local verdict stands");
        };
    }
}
