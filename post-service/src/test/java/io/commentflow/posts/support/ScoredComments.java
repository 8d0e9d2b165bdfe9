package io.commentflow.posts.support;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.SubmissionSource;
import io.commentflow.events.Verdict;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Builds {@code CommentScored} events as spam-filter writes them. */
public final class ScoredComments {

    private final UUID postId;
    private UUID commentId = UUID.randomUUID();
    private UUID parentId;
    private Verdict verdict = Verdict.HAM;
    private String name = "Ada Reader";
    private String email = "ada@reader.example";
    private String url;
    private String ip = "203.0.113.7";
    private String content = "A thoughtful comment.";
    private boolean notifyFollowups;
    private List<String> reasons = List.of("test");

    private ScoredComments(UUID postId) {
        this.postId = postId;
    }

    public static ScoredComments on(UUID postId) {
        return new ScoredComments(postId);
    }

    public ScoredComments id(UUID id) {
        this.commentId = id;
        return this;
    }

    public ScoredComments replyTo(UUID parent) {
        this.parentId = parent;
        return this;
    }

    public ScoredComments verdict(Verdict verdict) {
        this.verdict = verdict;
        return this;
    }

    public ScoredComments by(String name, String email) {
        this.name = name;
        this.email = email;
        return this;
    }

    public ScoredComments url(String url) {
        this.url = url;
        return this;
    }

    public ScoredComments ip(String ip) {
        this.ip = ip;
        return this;
    }

    public ScoredComments content(String content) {
        this.content = content;
        return this;
    }

    public ScoredComments reasons(String... reasons) {
        this.reasons = List.of(reasons);
        return this;
    }

    public ScoredComments notifyFollowups() {
        this.notifyFollowups = true;
        return this;
    }

    public CommentScored build() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CommentSubmitted submitted = CommentSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCommentId(commentId)
                .setPostId(postId)
                .setParentId(parentId)
                .setAuthor(new CommentAuthor(name, email, url, ip, "Mozilla/5.0 (test)"))
                .setContent(content)
                .setNotifyFollowups(notifyFollowups)
                .setSubmittedAt(now)
                .setSource(SubmissionSource.FORM)
                .build();
        return CommentScored.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setComment(submitted)
                .setVerdict(verdict)
                .setScore(verdict == Verdict.SPAM ? 0.97 : verdict == Verdict.UNSURE ? 0.5 : 0.02)
                .setReasons(reasons)
                .setClassifierVersion("test-1")
                .setScoredAt(now)
                .build();
    }
}
