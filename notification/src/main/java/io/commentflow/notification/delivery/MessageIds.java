package io.commentflow.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Deterministic Message-IDs: {@code <notification-id.first-16-hex-of-sha256(recipient)@domain>}. The same
 * notification and recipient always give the same id, so a duplicate that slips through the one window the
 * ledger cannot close still threads as the same message in most clients, and the address itself never
 * appears in the header.
 */
final class MessageIds {

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    /** One digest per thread: looking the algorithm up for every email costs more than hashing the address. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(MessageIds::sha256);

    private final String domain;

    MessageIds(String domain) {
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("commentflow.mail.message-id-domain must be a plain domain name");
        }
        this.domain = domain;
    }

    String of(UUID notificationId, String recipientAddress) {
        return "<" + notificationId + "." + recipientHash(recipientAddress).substring(0, 16) + "@" + domain + ">";
    }

    /** The ledger key for an address: trimmed and lower-cased (addresses are compared case-insensitively). */
    static String normalize(String address) {
        return EmailAddresses.normalize(address);
    }

    private static String recipientHash(String address) {
        // digest() leaves it reset for the next address
        byte[] digest = SHA_256.get().digest(normalize(address).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
