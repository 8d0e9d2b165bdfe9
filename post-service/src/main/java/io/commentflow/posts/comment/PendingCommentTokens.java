package io.commentflow.posts.comment;

import io.commentflow.posts.system.Hmac;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The token comment-intake adds to its redirect after a form post, so that only the reader who wrote a comment
 * sees it while it waits for moderation (shared with intake: {@code commentflow.pending-token.secret}):
 *
 * <pre>
 * &lt;post link&gt;?unapproved=&lt;comment id&gt;&amp;moderation-hash=&lt;expires&gt;.&lt;sig&gt;#comment-&lt;comment id&gt;
 * sig = hex(HMAC-SHA256(secret, "pending:" + commentId + ":" + expires))   (expires in epoch seconds, lower-case hex)
 * </pre>
 */
public final class PendingCommentTokens {

    private final Hmac hmac;
    private final Clock clock;

    /** @param secret at least {@value Hmac#MIN_SECRET_LENGTH} characters */
    public PendingCommentTokens(String secret, Clock clock) {
        this.hmac = new Hmac(secret);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static String message(UUID commentId, long expires) {
        return "pending:" + commentId + ":" + expires;
    }

    /** The {@code moderation-hash} value: {@code <expires>.<sig>}. */
    public String token(UUID commentId, long expires) {
        return expires + "." + hmac.sign(message(commentId, expires));
    }

    /**
     * @return the comment id, when the token belongs to it, verifies (constant-time comparison) and has not
     * expired; empty for anything else, malformed input included
     */
    public Optional<UUID> verify(String unapproved, String moderationHash) {
        if (unapproved == null || moderationHash == null) {
            return Optional.empty();
        }
        int dot = moderationHash.indexOf('.');
        if (dot < 1 || !moderationHash.substring(0, dot).matches("[1-9][0-9]{0,11}")) {
            return Optional.empty();
        }
        UUID commentId;
        try {
            commentId = UUID.fromString(unapproved);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        if (!commentId.toString().equals(unapproved.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        long expires = Long.parseLong(moderationHash.substring(0, dot));
        if (!hmac.verify(message(commentId, expires), moderationHash.substring(dot + 1))) {
            return Optional.empty();
        }
        return clock.instant().getEpochSecond() < expires ? Optional.of(commentId) : Optional.empty();
    }
}
