package io.commentflow.notification.links;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA256 over a text payload, as lowercase hex: the signature every signed link in commentflow carries.
 * The secret comes from configuration only; there is no default.
 */
public final class LinkSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_LENGTH = 16;

    private final SecretKeySpec key;
    /** A Mac per thread, keyed once: looking the algorithm up for every link is a measurable part of an email. */
    private final ThreadLocal<Mac> macs;

    public LinkSigner(String secret, String propertyName) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(propertyName + " is not set: signed links need a secret from configuration");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(propertyName + " must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String sign(String payload) {
        // doFinal leaves the Mac reset for the next payload
        return HexFormat.of().formatHex(macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** Compares in constant time; false for a missing or malformed signature. */
    public boolean verify(String payload, String signature) {
        if (signature == null || signature.length() != 64) {
            return false;
        }
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
