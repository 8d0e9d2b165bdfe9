package io.commentflow.intake.submission;

import java.util.List;

/** The outcome of checking a {@link CommentDraft}. */
sealed interface Validation {

    record Valid(ValidComment comment) implements Validation {
    }

    record Invalid(List<FieldProblem> problems) implements Validation {
    }
}
