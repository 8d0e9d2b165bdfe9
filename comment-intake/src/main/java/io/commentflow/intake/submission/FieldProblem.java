package io.commentflow.intake.submission;

/** Why one field of a comment was refused. */
record FieldProblem(CommentField field, String message) {
}
