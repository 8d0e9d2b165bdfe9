package io.commentflow.posts.moderation;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ModerationLinksTests {

    private static final String SECRET = "a-secret-shared-with-notification";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final ModerationLinks links = new ModerationLinks(SECRET, "https://blog.example/", Duration.ofDays(7),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID comment = UUID.fromString("5e0b7d4a-9c2f-4a8e-b1d3-6f4a2c8e9b70");

    @Test
    void verifiesALinkBuiltByTheDocumentedFormulaAsNotificationBuildsIt() throws Exception {
        // given: what notification does with the same secret, without this class
        long expires = NOW.plus(Duration.ofDays(7)).getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = HexFormat.of().formatHex(mac.doFinal(
                ("moderate:" + comment + ":approve:" + expires).getBytes(StandardCharsets.UTF_8)));
        String url = "https://blog.example/moderate/" + comment + "/approve?expires=" + expires + "&sig=" + sig;

        // then: this class builds the same link and accepts it
        assertThat(links.link(comment, "approve")).isEqualTo(url);
        URI uri = URI.create(url);
        String[] path = uri.getPath().split("/");
        String query = uri.getQuery();
        assertThat(links.verify(UUID.fromString(path[2]), path[3], query.substring(8, query.indexOf('&')),
                query.substring(query.indexOf("sig=") + 4))).isEqualTo(ModerationLinks.Verdict.VALID);
    }

    @Test
    void givesTheThreeLinksOfTheModerationEmail() {
        assertThat(links.links(comment)).containsOnlyKeys("approve", "spam", "trash")
                .allSatisfy((action, link) -> assertThat(link).startsWith("https://blog.example/moderate/" + comment + "/" + action + "?expires="));
    }

    @Test
    void refusesTamperedLinks() {
        long expires = NOW.plusSeconds(60).getEpochSecond();
        String sig = links.signature(comment, "approve", expires);
        String e = String.valueOf(expires);

        assertThat(links.verify(comment, "approve", e, sig)).isEqualTo(ModerationLinks.Verdict.VALID);
        assertThat(links.verify(comment, "spam", e, sig)).isEqualTo(ModerationLinks.Verdict.INVALID);
        assertThat(links.verify(UUID.randomUUID(), "approve", e, sig)).isEqualTo(ModerationLinks.Verdict.INVALID);
        assertThat(links.verify(comment, "approve", String.valueOf(expires + 1), sig)).isEqualTo(ModerationLinks.Verdict.INVALID);
        assertThat(links.verify(comment, "approve", e, sig.substring(0, 63) + (sig.endsWith("0") ? "1" : "0")))
                .isEqualTo(ModerationLinks.Verdict.INVALID);
        assertThat(links.verify(comment, "approve", e, sig.toUpperCase())).isEqualTo(ModerationLinks.Verdict.INVALID);
        assertThat(links.verify(comment, "approve", e, null)).isEqualTo(ModerationLinks.Verdict.INVALID);
        assertThat(links.verify(comment, "approve", "0" + e, sig)).isEqualTo(ModerationLinks.Verdict.INVALID);
        assertThat(links.verify(comment, "approve", "soon", sig)).isEqualTo(ModerationLinks.Verdict.INVALID);
        assertThat(links.verify(comment, "delete", e, sig)).isEqualTo(ModerationLinks.Verdict.INVALID);
        ModerationLinks otherSecret = new ModerationLinks("another-secret-of-some-length", "https://blog.example",
                Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(otherSecret.verify(comment, "approve", e, sig)).isEqualTo(ModerationLinks.Verdict.INVALID);
    }

    @Test
    void aWellSignedLinkStopsWorkingWhenItExpires() {
        long expires = NOW.getEpochSecond();
        assertThat(links.verify(comment, "trash", String.valueOf(expires), links.signature(comment, "trash", expires)))
                .isEqualTo(ModerationLinks.Verdict.EXPIRED);
    }

    @Test
    void refusesShortSecretsAndUnknownActions() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ModerationLinks("short", "https://blog.example",
                Duration.ofDays(7), Clock.systemUTC()));
        assertThatIllegalArgumentException().isThrownBy(() -> links.link(comment, "delete"));
    }
}
