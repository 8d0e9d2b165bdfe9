package io.commentflow.intake.submission;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** What became of a submitted comment. */
sealed interface SubmissionResult {

    /**
     * The broker acknowledged the comment: it will be scored and published or held.
     *
     * @param replayed true when this repeats an earlier request with the same idempotency key: nothing new was written
     * @param postLink the post's public URL from the catalog, when known
     */
    record Accepted(UUID commentId, boolean replayed, String postLink) implements SubmissionResult {
    }

    /** Fields that are missing or malformed; nothing was written. */
    record Rejected(List<FieldProblem> problems) implements SubmissionResult {
    }

    /** A well-formed comment that cannot be accepted; {@code retryAfter} is set when waiting helps. */
    record Refused(Refusal refusal, Duration retryAfter) implements SubmissionResult {
    }
}
