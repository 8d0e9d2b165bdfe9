package io.commentflow.spamfilter.akismet;

import io.commentflow.spamfilter.scoring.Comments;
import io.commentflow.events.CommentModerated;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.ModerationAction;
import io.commentflow.spamfilter.akismet.FakeAkismet.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.commentflow.spamfilter.akismet.Akismet.KEY;
import static io.commentflow.spamfilter.scoring.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Moderators' corrections reported to a local server speaking Akismet's protocol. */
class AkismetFeedbackTests {

    private final FakeAkismet akismet = new FakeAkismet(KEY);
    private final AkismetProperties properties = Akismet.properties(akismet.endpoint(), KEY, Duration.ofSeconds(2));
    private final AkismetClient client = new AkismetClient(properties);
    private final RecentComments recent = new RecentComments(100);
    private final AkismetPhase phase = Akismet.phase(client, properties, recent);
    private final AkismetFeedback feedback = new AkismetFeedback(client, recent);

    @AfterEach
    void close() throws InterruptedException {
        feedback.close();
        client.close();
        akismet.close();
    }

    @Test
    void reportsSpamAkismetMissedWithTheFieldsItJudged() {
        CommentSubmitted comment = checked("Greetings from the Velmora Beach resort", Reply.ham());

        feedback.on(moderated(comment, ModerationAction.SPAM));

        List<FakeAkismet.Request> reports = await().atMost(Duration.ofSeconds(10))
                .until(() -> akismet.requests("submit-spam"), r -> r.size() == 1);
        assertThat(reports.get(0).form()).isEqualTo(akismet.requests("comment-check").get(0).form());
    }

    @Test
    void reportsACommentAkismetWronglyCalledSpamWhenAModeratorReleasesIt() {
        CommentSubmitted notSpam = checked("Which gear ratio did Babbage use?", Reply.spam());
        CommentSubmitted approved = checked("The difference engine still works", Reply.discard());

        feedback.on(moderated(notSpam, ModerationAction.NOT_SPAM));
        feedback.on(moderated(approved, ModerationAction.APPROVE));

        List<FakeAkismet.Request> reports = await().atMost(Duration.ofSeconds(10))
                .until(() -> akismet.requests("submit-ham"), r -> r.size() == 2);
        assertThat(reports).extracting(r -> r.form().get("comment_content"))
                .containsExactly("Which gear ratio did Babbage use?", "The difference engine still works");
        assertThat(reports.get(0).form()).containsEntry("comment_author_email", "ada@example.org")
                .containsEntry("user_ip", "203.0.113.7").containsEntry("api_key", KEY);
    }

    @Test
    void sendsNothingWhenAkismetWasRightOrNeverJudgedTheComment() {
        CommentSubmitted rightlySpam = checked("buy followers now", Reply.spam());
        CommentSubmitted rightlyHam = checked("lovely engine", Reply.ham());
        CommentSubmitted neverAsked = comment("judged before Akismet was configured").build();
        CommentSubmitted trashed = checked("off topic", Reply.ham());
        CommentSubmitted missed = checked("cheap watches", Reply.ham());

        feedback.on(moderated(rightlySpam, ModerationAction.SPAM));
        feedback.on(moderated(rightlyHam, ModerationAction.APPROVE));
        feedback.on(moderated(rightlyHam, ModerationAction.NOT_SPAM));
        feedback.on(moderated(neverAsked, ModerationAction.SPAM));
        feedback.on(moderated(trashed, ModerationAction.TRASH));
        feedback.on(moderated(missed, ModerationAction.SPAM));

        // reports go out in order, so once the last is in, the others would have been too
        await().atMost(Duration.ofSeconds(10)).until(() -> akismet.requests("submit-spam"), r -> r.size() == 1);
        assertThat(akismet.requests("submit-spam")).extracting(r -> r.form().get("comment_content"))
                .containsExactly("cheap watches");
        assertThat(akismet.requests("submit-ham")).isEmpty();
    }

    @Test
    void followsAModeratorWhoChangesTheirMind() {
        CommentSubmitted comment = checked("Is this a sales pitch?", Reply.ham());

        feedback.on(moderated(comment, ModerationAction.SPAM));
        feedback.on(moderated(comment, ModerationAction.SPAM));
        feedback.on(moderated(comment, ModerationAction.NOT_SPAM));

        await().atMost(Duration.ofSeconds(10)).until(() -> akismet.requests("submit-ham"), r -> r.size() == 1);
        assertThat(akismet.requests("submit-spam")).hasSize(1);
    }

    private CommentSubmitted checked(String content, Reply akismetSays) {
        CommentSubmitted comment = comment(content).build();
        akismet.answer(request -> akismetSays);
        phase.examine(comment);
        return comment;
    }

    private static CommentModerated moderated(CommentSubmitted comment, ModerationAction action) {
        return Comments.moderation(comment, action);
    }
}
