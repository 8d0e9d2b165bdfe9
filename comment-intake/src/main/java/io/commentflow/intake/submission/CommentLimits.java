package io.commentflow.intake.submission;

/** Size limits of a comment; WordPress's database columns give the defaults. */
record CommentLimits(int nameMaxChars, int emailMaxChars, int urlMaxChars, int contentMaxBytes) {

    static final CommentLimits WORDPRESS = new CommentLimits(245, 100, 200, 65_525);
}
