package io.commentflow.intake.submission;

import java.util.List;
import java.util.UUID;

/** What became of a submitted comment. */
sealed interface SubmissionResult {

    /** The broker acknowledged the comment: it will be scored and published or held. */
    record Accepted(UUID commentId) implements SubmissionResult {
    }

    /** Refused before anything was written. */
    record Rejected(List<FieldProblem> problems) implements SubmissionResult {
    }
}
