package io.commentflow.posts.system;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * HMAC-SHA256 over UTF-8 text with a secret from configuration, as the shared signed links and tokens use it:
 * lower-case hex, compared in constant time.
 */
public final class Hmac {

    /** Secrets shorter than this are refused: they would make signatures guessable. */
    public static final int MIN_SECRET_LENGTH = 16;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public Hmac(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("a signing secret needs at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** hex(HMAC-SHA256(secret, message)), lower case. */
    public String sign(String message) {
        return HexFormat.of().formatHex(mac(message));
    }

    /** Whether {@code signature} is the lower-case hex signature of {@code message}; constant time in its content. */
    public boolean verify(String message, String signature) {
        if (signature == null || signature.length() != 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        if (!signature.equals(signature.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return MessageDigest.isEqual(mac(message), given);
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
