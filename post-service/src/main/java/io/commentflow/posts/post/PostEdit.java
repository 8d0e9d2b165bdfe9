package io.commentflow.posts.post;

/** The editable fields of a post; publication has its own actions. {@code body} is Markdown. */
public record PostEdit(String slug, String title, String body, String authorName, String authorEmail,
                       boolean commentsOpen, Integer closeCommentsAfterDays) {

    static PostEdit of(Post post) {
        return new PostEdit(post.slug(), post.title(), post.body(), post.authorName(), post.authorEmail(),
                post.commentsOpen(), post.closeCommentsAfterDays());
    }
}
