package io.commentflow.intake.submission;

import io.commentflow.intake.state.SubmissionState;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Idempotency keys ({@code Idempotency-Key} on the JSON API, the {@code comment_nonce} field of the form): the first
 * request with a key claims it with its comment id and a fingerprint of the comment; a repeat within the window gets
 * the same comment id and writes nothing; a repeat with a different comment is refused (422); a repeat while the
 * first is still waiting for the broker is told to retry (409).
 */
final class IdempotentRequests {

    /** Visible ASCII, as the IETF idempotency-key draft and form nonces use. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    // long enough for any publish to finish; if marking it done fails, the key frees itself this soon
    private static final Duration PENDING = Duration.ofSeconds(30);
    private static final String PENDING_MARK = "pending";
    private static final String DONE_MARK = "done";

    /** What to do with a request that carries a key. */
    sealed interface Outcome {
        /** First use: go on, and complete or give back the claim. */
        record Fresh(String stateKey) implements Outcome {
        }

        record Replay(UUID commentId) implements Outcome {
        }

        record Refused(Refusal refusal) implements Outcome {
        }
    }

    private final SubmissionState state;
    private final Duration window;

    IdempotentRequests(SubmissionState state, Duration window) {
        this.state = state;
        this.window = window;
    }

    /** A problem with the key itself, for a 400; empty when it can be used. */
    static Optional<FieldProblem> problemWith(String key) {
        if (key == null || KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.of(new FieldProblem(CommentField.IDEMPOTENCY_KEY,
                "must be 1 to 255 visible ASCII characters"));
    }

    /**
     * @param scope which frontend's keys these are ({@code json} or {@code form}): they live apart
     */
    Outcome begin(String scope, String key, ValidComment comment, UUID commentId, Claims claims) {
        String stateKey = "idem:" + scope + ":" + Digests.sha256(key);
        String fingerprint = fingerprint(comment);
        Optional<SubmissionState.Held> held =
                claims.take(stateKey, value(PENDING_MARK, commentId, fingerprint), PENDING);
        if (held.isEmpty()) {
            return new Outcome.Fresh(stateKey);
        }
        List<String> parts = List.of(held.get().value().split("\\|", 3));
        if (parts.size() != 3 || !parts.get(2).equals(fingerprint)) {
            return new Outcome.Refused(Refusal.IDEMPOTENCY_KEY_REUSED);
        }
        if (!parts.get(0).equals(DONE_MARK)) {
            return new Outcome.Refused(Refusal.IDEMPOTENCY_IN_PROGRESS);
        }
        return new Outcome.Replay(UUID.fromString(parts.get(1)));
    }

    /** The comment was accepted: repeats of the key get its id for the whole window. */
    void complete(String stateKey, ValidComment comment, UUID commentId) {
        state.put(stateKey, value(DONE_MARK, commentId, fingerprint(comment)), window);
    }

    private static String value(String mark, UUID commentId, String fingerprint) {
        return mark + "|" + commentId + "|" + fingerprint;
    }

    private static String fingerprint(ValidComment c) {
        return Digests.sha256(String.valueOf(c.postId()), String.valueOf(c.parentId()), c.authorName(),
                c.authorEmail(), c.authorUrl(), c.content(), String.valueOf(c.notifyFollowups()));
    }
}
