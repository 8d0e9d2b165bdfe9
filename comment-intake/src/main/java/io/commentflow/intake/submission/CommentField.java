package io.commentflow.intake.submission;

/** The fields a comment is made of, with the names each frontend uses for them. */
enum CommentField {
    POST("post", "comment_post_ID", "Post"),
    PARENT("parent", "comment_parent", "Reply to"),
    AUTHOR_NAME("author_name", "author", "Name"),
    AUTHOR_EMAIL("author_email", "email", "Email"),
    AUTHOR_URL("author_url", "url", "Website"),
    CONTENT("content", "comment", "Comment"),
    /** Not part of the comment: the JSON API's header, or the form's nonce field, that makes a retry safe. */
    IDEMPOTENCY_KEY("Idempotency-Key", "comment_nonce", "Form nonce");

    private final String jsonName;
    private final String formName;
    private final String label;

    CommentField(String jsonName, String formName, String label) {
        this.jsonName = jsonName;
        this.formName = formName;
        this.label = label;
    }

    /** Name in the JSON API, as WordPress's REST API spells it. */
    String jsonName() {
        return jsonName;
    }

    /** Name in WordPress's comment form. */
    String formName() {
        return formName;
    }

    /** What a person filling the form calls it. */
    String label() {
        return label;
    }
}
