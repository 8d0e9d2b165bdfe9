package io.commentflow.notification.delivery;

/**
 * What the delivery ledger decided, in a poll's transaction, about one email of the poll (see
 * {@link MailDelivery#claimOrFoldAll}); {@link MailDelivery#complete} acts on it once that transaction committed.
 *
 * @param recipient the ledger key's recipient: the address trimmed and lower-cased
 */
public record Claim(OutgoingEmail email, String recipient, String messageId, Decision decision) {

    /** The ledger's decision. */
    public enum Decision {
        /** Claimed (the row says SENDING): send it now. */
        SEND,
        /** The ledger says SENT, or the same email came earlier in the poll: nothing to send. */
        ALREADY_SENT,
        /** Held back for the digest (now, or by an earlier delivery of the same notification). */
        FOLDED
    }
}
