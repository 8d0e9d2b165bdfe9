package io.commentflow.intake.submission;

import io.commentflow.intake.state.SubmissionState;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * WordPress's two checks against repeats, in its order: a duplicate (same post, parent, name, email and content)
 * is a 409; a second comment from the same client address or email within the flood interval is a 429 with the
 * time left. Each check takes its key atomically ({@code SET NX PX}), so concurrent requests, on any instance
 * sharing the store, cannot both pass. A zero interval or window turns a check off.
 */
final class SubmissionGuards {

    private final Duration floodInterval;
    private final Duration duplicateWindow;

    SubmissionGuards(Duration floodInterval, Duration duplicateWindow) {
        this.floodInterval = floodInterval;
        this.duplicateWindow = duplicateWindow;
    }

    Optional<SubmissionResult.Refused> check(ValidComment comment, String clientAddress, UUID commentId, Claims claims) {
        String token = commentId.toString();
        String email = comment.authorEmail().toLowerCase(Locale.ROOT);
        if (!duplicateWindow.isZero() && !duplicateWindow.isNegative()) {
            String key = "dup:" + Digests.sha256(String.valueOf(comment.postId()), String.valueOf(comment.parentId()),
                    comment.authorName(), email, comment.content());
            if (claims.take(key, token, duplicateWindow).isPresent()) {
                return Optional.of(new SubmissionResult.Refused(Refusal.DUPLICATE, null));
            }
        }
        if (!floodInterval.isZero() && !floodInterval.isNegative()) {
            for (String key : new String[] {"flood:ip:" + Digests.sha256(clientAddress), "flood:email:" + Digests.sha256(email)}) {
                Optional<SubmissionState.Held> held = claims.take(key, token, floodInterval);
                if (held.isPresent()) {
                    return Optional.of(new SubmissionResult.Refused(Refusal.FLOOD, held.get().remaining()));
                }
            }
        }
        return Optional.empty();
    }
}
