package io.commentflow.intake.submission;

import io.commentflow.intake.state.StateUnavailableException;
import io.commentflow.intake.state.SubmissionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state keys one submission has taken. If the comment is not accepted after all (refused by a later check, or
 * the broker did not acknowledge it), they are given back, so a refused or failed attempt does not count as a comment.
 */
final class Claims {

    private static final Logger log = LoggerFactory.getLogger(Claims.class);

    private record Claim(String key, String value) {
    }

    private final SubmissionState state;
    private final List<Claim> taken = new ArrayList<>();

    Claims(SubmissionState state) {
        this.state = state;
    }

    /** @return empty when the key was free and is now ours; otherwise what holds it */
    Optional<SubmissionState.Held> take(String key, String value, Duration ttl) {
        Optional<SubmissionState.Held> held = state.putIfAbsent(key, value, ttl);
        if (held.isEmpty()) {
            taken.add(new Claim(key, value));
        }
        return held;
    }

    /** Gives every key back; a store that is down meanwhile lets them expire instead. */
    void releaseAll() {
        for (Claim claim : taken) {
            try {
                state.removeIfHolds(claim.key(), claim.value());
            } catch (StateUnavailableException e) {
                log.warn("could not give back a claim; it will expire: {}", e.getMessage());
            }
        }
        taken.clear();
    }
}
