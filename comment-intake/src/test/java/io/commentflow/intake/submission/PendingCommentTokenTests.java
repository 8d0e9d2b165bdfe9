package io.commentflow.intake.submission;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PendingCommentTokenTests {

    private static final UUID COMMENT = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

    @Test
    void signsPendingIdAndExpiryWithTheSharedSecret() throws Exception {
        String token = PendingCommentToken.of("s3cret", Duration.ofMinutes(10), CLOCK).issue(COMMENT).orElseThrow();

        long expires = 1_800_000_000L + 600;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(
                mac.doFinal(("pending:" + COMMENT + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        assertThat(token).isEqualTo(expires + "." + expected).matches("\\d+\\.[0-9a-f]{64}");
    }

    @Test
    void issuesNothingWithoutASecret() {
        assertThat(PendingCommentToken.of(null, Duration.ofMinutes(10), CLOCK).issue(COMMENT)).isEmpty();
        assertThat(PendingCommentToken.of(" ", Duration.ofMinutes(10), CLOCK).issue(COMMENT)).isEmpty();
    }
}
