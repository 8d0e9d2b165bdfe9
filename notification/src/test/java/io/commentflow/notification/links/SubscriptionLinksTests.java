package io.commentflow.notification.links;

import io.commentflow.notification.testing.Hmac;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SubscriptionLinksTests {

    private static final String SECRET = "subscription-secret-for-unit-tests";
    private static final UUID ADDRESS = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID POST = UUID.fromString("66666666-7777-4888-9999-000000000000");

    private final SubscriptionLinks links = new SubscriptionLinks("https://notify.example/", new LinkSigner(SECRET, "test"));

    @Test
    void signsEveryLinkWithHmacSha256OverItsDocumentedPayload() {
        UUID subscription = UUID.randomUUID();
        Instant expires = Instant.ofEpochSecond(1_900_000_000L);

        assertThat(links.confirm(subscription, expires)).isEqualTo("https://notify.example/subscriptions/confirm?s="
                + subscription + "&expires=1900000000&sig=" + Hmac.sha256Hex(SECRET, "confirm:" + subscription + ":1900000000"));
        assertThat(links.unsubscribe(ADDRESS, POST)).isEqualTo("https://notify.example/unsubscribe?a=" + ADDRESS + "&p="
                + POST + "&sig=" + Hmac.sha256Hex(SECRET, "unsubscribe:" + ADDRESS + ":" + POST));
        assertThat(links.unsubscribeAll(ADDRESS)).isEqualTo("https://notify.example/unsubscribe?a=" + ADDRESS
                + "&sig=" + Hmac.sha256Hex(SECRET, "unsubscribe-all:" + ADDRESS));
        assertThat(links.manage(ADDRESS, expires)).isEqualTo("https://notify.example/subscriptions/manage?a=" + ADDRESS
                + "&expires=1900000000&sig=" + Hmac.sha256Hex(SECRET, "manage:" + ADDRESS + ":1900000000"));
    }

    @Test
    void acceptsItsOwnSignaturesOnly() {
        String sig = Hmac.sha256Hex(SECRET, "unsubscribe:" + ADDRESS + ":" + POST);

        assertThat(links.verifyUnsubscribe(ADDRESS, POST, sig)).isTrue();
        assertThat(links.verifyUnsubscribe(ADDRESS, null, sig)).isFalse();
        assertThat(links.verifyUnsubscribe(UUID.randomUUID(), POST, sig)).isFalse();
        assertThat(links.verifyUnsubscribe(ADDRESS, POST, sig.toUpperCase())).isFalse();
        assertThat(links.verifyUnsubscribe(ADDRESS, POST, null)).isFalse();
        assertThat(links.verifyUnsubscribe(ADDRESS, POST, Hmac.sha256Hex("another-secret-of-some-length",
                "unsubscribe:" + ADDRESS + ":" + POST))).isFalse();
        assertThat(links.verifyConfirm(ADDRESS, 1_900_000_000L, Hmac.sha256Hex(SECRET, "confirm:" + ADDRESS + ":1900000001")))
                .isFalse();
    }

    @Test
    void refusesToRunWithoutASecretOrWithAUnusableBaseUrl() {
        assertThatIllegalStateException().isThrownBy(() -> new LinkSigner("", "commentflow.subscription-links.secret"))
                .withMessageContaining("commentflow.subscription-links.secret");
        assertThatIllegalStateException().isThrownBy(() -> new LinkSigner("short", "x"));
        assertThatIllegalStateException().isThrownBy(() -> new SubscriptionLinks("ftp://notify.example",
                new LinkSigner(SECRET, "test")));
        assertThatIllegalStateException().isThrownBy(() -> new SubscriptionLinks("https://notify.example/?x=1",
                new LinkSigner(SECRET, "test")));
    }
}
