package io.commentflow.posts.post;

import java.util.LinkedHashMap;
import java.util.Map;

/** The post form of the admin area, as submitted (checkboxes absent when unticked). */
record PostForm(String slug, String title, String body, String authorName, String authorEmail, Boolean commentsOpen,
                String closeCommentsAfterDays, Boolean publish) {

    static PostForm of(Post post) {
        return new PostForm(post.slug(), post.title(), post.body(), post.authorName(), post.authorEmail(),
                post.commentsOpen(), post.closeCommentsAfterDays() == null ? "" : post.closeCommentsAfterDays().toString(),
                post.published());
    }

    /** Problems the fields have before the post rules look at them (a number that is not one). */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        String days = closeCommentsAfterDays == null ? "" : closeCommentsAfterDays.strip();
        if (!days.isEmpty() && !days.matches("[0-9]{1,6}")) {
            errors.put("closeCommentsAfterDays", "close comments after a whole number of days, or leave it empty");
        }
        return errors;
    }

    NewPost toNewPost() {
        return new NewPost(null, strip(slug), strip(title), body == null ? "" : body, strip(authorName), strip(authorEmail),
                Boolean.TRUE.equals(commentsOpen), Boolean.TRUE.equals(publish), days());
    }

    PostEdit toEdit() {
        return new PostEdit(strip(slug), strip(title), body == null ? "" : body, strip(authorName), strip(authorEmail),
                Boolean.TRUE.equals(commentsOpen), days());
    }

    private Integer days() {
        String days = closeCommentsAfterDays == null ? "" : closeCommentsAfterDays.strip();
        return days.isEmpty() ? null : Integer.valueOf(days);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
