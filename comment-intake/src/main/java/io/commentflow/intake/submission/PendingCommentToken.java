package io.commentflow.intake.submission;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code moderation-hash} that lets post-service show a pending comment to the reader who wrote it:
 * {@code <expires>.<sig>}, expires in epoch seconds, sig = hex(HMAC-SHA256(secret, "pending:" + id + ":" + expires)).
 * Without a configured secret there is no token and the redirect carries none.
 */
final class PendingCommentToken {

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    private PendingCommentToken(SecretKeySpec key, Duration lifetime, Clock clock) {
        this.key = key;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    static PendingCommentToken of(String secret, Duration lifetime, Clock clock) {
        boolean configured = secret != null && !secret.isBlank();
        return new PendingCommentToken(configured
                ? new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256") : null, lifetime, clock);
    }

    Optional<String> issue(UUID commentId) {
        if (key == null) {
            return Optional.empty();
        }
        long expires = clock.instant().getEpochSecond() + lifetime.toSeconds();
        return Optional.of(expires + "." + sign("pending:" + commentId + ":" + expires));
    }

    private String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
