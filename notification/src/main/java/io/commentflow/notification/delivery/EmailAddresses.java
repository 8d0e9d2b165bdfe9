package io.commentflow.notification.delivery;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** How the service compares and accepts addresses it is given in events and forms. */
public final class EmailAddresses {

    /** Deliberately loose (the SMTP layer parses strictly); rejects what can never be one address. */
    private static final Pattern PLAUSIBLE = Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]+@[^\\s@<>()\\[\\],;:\"\\\\]+");

    private EmailAddresses() {
    }

    /** Trimmed and lower-cased: the form stored in the ledger and the subscription tables. */
    public static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** The normalized address, if the text could be one address at all. */
    public static Optional<String> plausible(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String trimmed = address.strip();
        return trimmed.length() <= 254 && PLAUSIBLE.matcher(trimmed).matches()
                ? Optional.of(normalize(trimmed))
                : Optional.empty();
    }
}
