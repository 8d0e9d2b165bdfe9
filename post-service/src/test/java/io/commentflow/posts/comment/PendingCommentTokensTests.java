package io.commentflow.posts.comment;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PendingCommentTokensTests {

    private static final String SECRET = "a-secret-shared-with-intake";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final PendingCommentTokens tokens = new PendingCommentTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID comment = UUID.randomUUID();

    @Test
    void acceptsATokenBuiltByTheDocumentedFormulaAsIntakeBuildsIt() throws Exception {
        long expires = NOW.plusSeconds(600).getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = HexFormat.of().formatHex(mac.doFinal(("pending:" + comment + ":" + expires).getBytes(StandardCharsets.UTF_8)));

        assertThat(tokens.verify(comment.toString(), expires + "." + sig)).contains(comment);
        assertThat(tokens.token(comment, expires)).isEqualTo(expires + "." + sig);
    }

    @Test
    void refusesExpiredTamperedAndMalformedTokens() {
        long expires = NOW.plusSeconds(600).getEpochSecond();
        String token = tokens.token(comment, expires);

        assertThat(tokens.verify(comment.toString(), tokens.token(comment, NOW.getEpochSecond()))).isEmpty();
        assertThat(tokens.verify(UUID.randomUUID().toString(), token)).isEmpty();
        assertThat(tokens.verify(comment.toString(), (expires + 60) + token.substring(token.indexOf('.')))).isEmpty();
        assertThat(tokens.verify(comment.toString(), token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0"))).isEmpty();
        assertThat(tokens.verify(comment.toString(), null)).isEmpty();
        assertThat(tokens.verify(null, token)).isEmpty();
        assertThat(tokens.verify("not-a-uuid", token)).isEmpty();
        assertThat(tokens.verify(comment.toString(), "." + token)).isEmpty();
        assertThat(tokens.verify(comment.toString(), String.valueOf(expires))).isEmpty();
        assertThat(new PendingCommentTokens("another-secret-of-some-length", Clock.fixed(NOW, ZoneOffset.UTC))
                .verify(comment.toString(), token)).isEmpty();
    }
}
