package io.commentflow.posts.post;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What makes a post's fields valid; each problem is named by its field. */
final class PostRules {

    static final int MAX_TITLE = 300;
    static final int MAX_SLUG = 200;
    static final int MAX_BODY = 200_000;
    static final int MAX_NAME = 245;
    static final int MAX_EMAIL = 254;
    static final int MAX_DAYS = 36_500;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private PostRules() {
    }

    /** @return field name → what is wrong with it; empty when all is well */
    static Map<String, String> check(PostEdit post) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (post.slug() == null || post.slug().length() > MAX_SLUG || !SLUG.matcher(post.slug()).matches()) {
            errors.put("slug", "a slug is lower-case letters, digits and single dashes, at most " + MAX_SLUG + " characters");
        }
        if (post.title() == null || post.title().isBlank() || post.title().length() > MAX_TITLE) {
            errors.put("title", "a title is required, at most " + MAX_TITLE + " characters");
        }
        if (post.body() == null || post.body().length() > MAX_BODY) {
            errors.put("body", "the body is at most " + MAX_BODY + " characters");
        }
        if (post.authorName() == null || post.authorName().isBlank() || post.authorName().length() > MAX_NAME) {
            errors.put("authorName", "the author's name is required, at most " + MAX_NAME + " characters");
        }
        if (post.authorEmail() == null || post.authorEmail().length() > MAX_EMAIL || !EMAIL.matcher(post.authorEmail()).matches()) {
            errors.put("authorEmail", "the author's email address is required (it receives the notifications)");
        }
        Integer days = post.closeCommentsAfterDays();
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            errors.put("closeCommentsAfterDays", "close comments after 1 to " + MAX_DAYS + " days, or leave it empty");
        }
        return errors;
    }
}
