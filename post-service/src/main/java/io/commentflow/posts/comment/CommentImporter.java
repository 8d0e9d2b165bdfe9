package io.commentflow.posts.comment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Stores comments that are published as they are, with no verdict to wait for and nobody to notify. */
@Service
public class CommentImporter {

    private final CommentRepository comments;

    CommentImporter(CommentRepository comments) {
        this.comments = comments;
    }

    /** @return whether the comment was stored (false if one with its id exists) */
    @Transactional
    public boolean importApproved(ImportedComment c) {
        return comments.insertIfAbsent(new IncomingComment(c.id(), c.postId(), c.parentId(), c.authorName(),
                c.authorEmail(), c.authorUrl(), null, null, c.content(), CommentStatus.APPROVED, "HAM", 0.0,
                List.of("imported"), c.submittedAt(), false));
    }
}
