package io.commentflow.notification.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * {@code X-Commentflow-Signature: sha256=<hex(HMAC-SHA256(secret, "<X-Commentflow-Timestamp>." + body))>}: a
 * receiver recomputes it over the raw body bytes, compares in constant time, and rejects old timestamps
 * (replays).
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "X-Commentflow-Signature";
    static final String TIMESTAMP_HEADER = "X-Commentflow-Timestamp";

    private WebhookSignature() {
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
