package io.commentflow.notification.reply;

import io.commentflow.events.NotificationKind;
import io.commentflow.events.ParentComment;
import io.commentflow.events.Person;
import io.commentflow.events.PostRef;
import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.FoldableEmail;
import io.commentflow.notification.delivery.MailDelivery;
import io.commentflow.notification.subscription.Audience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the email path on made-up notifications once the service is ready, on a thread of its own: recipients,
 * composition, signed links, MIME and its encodings, written into nothing (no database, no SMTP server, no address
 * that exists: {@code .invalid}). Until the JIT has compiled that path, an email costs several times the CPU; without
 * this, a burst of notifications right after a start pays for it. Takes a few seconds of one core, once.
 */
@Component
class EmailPathWarmUp {

    private static final Logger log = LoggerFactory.getLogger(EmailPathWarmUp.class);

    private final ReplyFanOut fanOut;
    private final MailDelivery delivery;
    private final int emails;

    EmailPathWarmUp(ReplyFanOut fanOut, MailDelivery delivery,
                    @Value("${commentflow.mail.warm-up-emails:3000}") int emails) {
        this.fanOut = fanOut;
        this.delivery = delivery;
        this.emails = emails;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (emails > 0) {
            Thread thread = new Thread(this::run, "email-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Composes and writes {@link #emails} emails; returns how many. */
    int run() {
        long start = System.nanoTime();
        int written = 0;
        try {
            for (int i = 0; i < emails; i++) {
                ReplyNotification notification = sample(i);
                for (FoldableEmail email : fanOut.emailsFor(notification, audience(notification))) {
                    delivery.rehearse(email.email());
                    written++;
                }
            }
            log.info("Warmed the email path up with {} emails in {} ms", written, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // only ever a missed optimisation: the emails that matter take the same path and report their own failures
            log.warn("Warming the email path up stopped after {} emails: {}", written, e.toString());
        }
        return written;
    }

    /** Mostly new comments, some held ones and replies, some text that needs encoding, as real traffic has. */
    private static ReplyNotification sample(int i) {
        UUID postId = new UUID(0x5a4d_91e0_0000_4000L, i & 63);
        UUID commentId = new UUID(0x5a4d_91e0_0001_4000L, 0x8000_0000_0000_0000L | i);
        String postLink = "https://warm-up.invalid/posts/" + (i & 63);
        boolean nonAscii = i % 4 == 0;
        ReplyNotification.Builder builder = ReplyNotification.newBuilder()
                .setEventId(new UUID(0x5a4d_91e0_0002_4000L, 0x8000_0000_0000_0000L | i))
                .setOccurredAt(Instant.EPOCH)
                .setKind(i % 10 == 9 ? NotificationKind.MODERATION_REQUESTED : NotificationKind.COMMENT_PUBLISHED)
                .setCommentId(commentId)
                .setCommentLink(postLink + "#comment-" + commentId)
                .setExcerpt((nonAscii ? "Très bien écrit, merci ! " : "Thanks for the write-up, it helped. ").repeat(1 + i % 5)
                        + "\nSecond line & <more>.")
                .setCommentAuthor(person("reader", nonAscii ? "Zoë Reader " : "Reader ", i))
                .setPost(PostRef.newBuilder().setPostId(postId).setTitle((nonAscii ? "Café notes " : "Notes ") + (i & 63))
                        .setLink(postLink).setAuthor(person("author", "Author ", i & 63)).build())
                .setParent(null)
                .setNotifyFollowups(false);
        if (i % 10 == 8) {
            builder.setParent(ParentComment.newBuilder().setCommentId(postId).setAuthor(person("parent", "Parent ", i))
                    .setNotifyFollowups(true).build());
        }
        return builder.build();
    }

    private static Person person(String role, String name, int i) {
        return Person.newBuilder().setName(name + i).setEmail(role + "-" + i + "@warm-up.invalid").build();
    }

    /** Everyone the notification names is known and subscribed where that matters; nobody has left. */
    private static Audience audience(ReplyNotification notification) {
        String author = notification.getPost().getAuthor().getEmail();
        ParentComment parent = notification.getParent();
        if (parent == null) {
            return new Audience(Map.of(author, notification.getPost().getPostId()), List.of(), Set.of());
        }
        String reader = parent.getAuthor().getEmail();
        return new Audience(Map.of(author, notification.getPost().getPostId(), reader, parent.getCommentId()),
                List.of(reader), Set.of());
    }
}
