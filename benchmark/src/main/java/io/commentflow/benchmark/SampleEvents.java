package io.commentflow.benchmark;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.NotificationKind;
import io.commentflow.events.Person;
import io.commentflow.events.PostRef;
import io.commentflow.events.ReplyNotification;
import io.commentflow.events.SubmissionSource;
import io.commentflow.events.Verdict;
import io.commentflow.schemas.kafka.EventSerializer;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Events shaped like the real ones, for the Kafka limits (record sizes) and for backlogs written straight to a topic. */
final class SampleEvents {

    private static final EventSerializer SERIALIZER = new EventSerializer();

    private SampleEvents() {
    }

    /** What intake writes for one of the benchmark's ham comments. */
    static CommentSubmitted commentSubmitted(long i) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return CommentSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCommentId(UUID.randomUUID())
                .setPostId(UUID.randomUUID())
                .setParentId(null)
                .setAuthor(CommentAuthor.newBuilder()
                        .setName("Reader " + i)
                        .setEmail("reader-sample-" + i + "@example.org")
                        .setUrl(null)
                        .setIp(CommentTraffic.clientAddress(i))
                        .setUserAgent("commentflow-benchmark")
                        .build())
                .setContent(CommentTraffic.content(CommentTraffic.Kind.HAM, "sample", i))
                .setNotifyFollowups(false)
                .setSubmittedAt(now)
                .setSource(SubmissionSource.JSON_API)
                .setReferrer(null)
                .setHoneypot(null)
                .setFormFillMillis(null)
                .build();
    }

    /** What spam-filter writes for it. */
    static CommentScored commentScored(CommentSubmitted comment) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return CommentScored.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setComment(comment)
                .setVerdict(Verdict.HAM)
                .setScore(0.05)
                .setReasons(List.of())
                .setClassifierVersion("rules-1")
                .setScoredAt(now)
                .build();
    }

    /**
     * "New comment on your post", for a post and author of its own (so notification sends it at once rather than
     * folding it into a digest, which it does beyond 5 emails per post and address an hour).
     */
    static ReplyNotification newCommentNotification(String run, long i, String postServiceUrl) {
        UUID commentId = UUID.randomUUID();
        UUID postId = UUID.randomUUID();
        String link = postServiceUrl + "/posts/benchmark-" + run + "-" + i;
        return ReplyNotification.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setKind(NotificationKind.COMMENT_PUBLISHED)
                .setCommentId(commentId)
                .setCommentLink(link + "#comment-" + commentId)
                .setExcerpt(CommentTraffic.content(CommentTraffic.Kind.HAM, run, i).substring(0, 120) + "…")
                .setCommentAuthor(Person.newBuilder().setName("Reader " + i)
                        .setEmail("reader-" + run + "-" + i + "@example.org").build())
                .setPost(PostRef.newBuilder().setPostId(postId).setTitle("Benchmark post " + i).setLink(link)
                        .setAuthor(Person.newBuilder().setName("Author " + i)
                                .setEmail("author-" + run + "-" + i + "@example.org").build())
                        .build())
                .setParent(null)
                .setNotifyFollowups(false)
                .build();
    }

    static byte[] bytes(String topic, SpecificRecord event) {
        return SERIALIZER.serialize(topic, event);
    }
}
