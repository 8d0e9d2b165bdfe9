package io.commentflow.notification.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;
import java.util.Optional;

/** Finds parts in a received MIME message, however deeply they are nested. */
public final class MailParts {

    private MailParts() {
    }

    public static Optional<Part> find(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return Optional.of(part);
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    Optional<Part> found = find(child, mimeType);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of the first part of this type. */
    public static String text(Part part, String mimeType) {
        Part found = find(part, mimeType).orElseThrow(() -> new AssertionError("no " + mimeType + " part"));
        try {
            return (String) found.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
