package io.commentflow.posts.comment;

import io.commentflow.posts.system.PublicViews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Stores comments that are published as they are, with no verdict to wait for and nobody to notify. */
@Service
public class CommentImporter {

    private final CommentRepository comments;
    private final PublicViews views;

    CommentImporter(CommentRepository comments, PublicViews views) {
        this.comments = comments;
        this.views = views;
    }

    /** @return whether the comment was stored (false if one with its id exists) */
    @Transactional
    public boolean importApproved(ImportedComment c) {
        boolean stored = comments.insertIfAbsent(new IncomingComment(c.id(), c.postId(), c.parentId(), c.authorName(),
                c.authorEmail(), c.authorUrl(), null, null, c.content(), CommentStatus.APPROVED, "HAM", 0.0,
                List.of("imported"), c.submittedAt(), false));
        if (stored) {
            views.commentsChanged(c.postId());
        }
        return stored;
    }
}
