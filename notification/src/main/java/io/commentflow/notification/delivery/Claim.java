package io.commentflow.notification.delivery;

/**
 * What the delivery ledger decided, in a poll's transaction, about one email of the poll (see
 * {@link MailDelivery#claimOrFoldAll}); {@link MailDelivery#complete} acts on it once that transaction committed.
 */
public final class Claim {

    /** The ledger's decision. */
    public enum Decision {
        /** Claimed (the row says SENDING): send it now. */
        SEND,
        /** The ledger says SENT, or the same email came earlier in the poll: nothing to send. */
        ALREADY_SENT,
        /** Held back for the digest (now, or by an earlier delivery of the same notification). */
        FOLDED
    }

    private final OutgoingEmail email;
    private final String recipient;
    private final String messageId;
    private final Decision decision;

    Claim(OutgoingEmail email, String recipient, String messageId, Decision decision) {
        this.email = email;
        this.recipient = recipient;
        this.messageId = messageId;
        this.decision = decision;
    }

    public OutgoingEmail email() {
        return email;
    }

    public Decision decision() {
        return decision;
    }

    /** The ledger key's recipient: the address trimmed and lower-cased. */
    String recipient() {
        return recipient;
    }

    String messageId() {
        return messageId;
    }
}
