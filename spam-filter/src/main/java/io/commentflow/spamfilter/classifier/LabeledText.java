package io.commentflow.spamfilter.classifier;

import java.util.Objects;

/**
 * One labeled short text: the comment (or SMS) body, the author's display name (nullable)
 * and whether a human labeled it spam.
 */
public record LabeledText(String text, String author, boolean spam) {

    public LabeledText {
        Objects.requireNonNull(text, "text");
    }

    public static LabeledText spam(String text, String author) {
        return new LabeledText(text, author, true);
    }

    public static LabeledText ham(String text, String author) {
        return new LabeledText(text, author, false);
    }
}
