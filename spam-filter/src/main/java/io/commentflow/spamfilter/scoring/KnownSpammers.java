package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.Verdict;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authors a moderator marked as spammers, by email address and by client address: their next comment is spam
 * whatever it says. A later NOT_SPAM decision about the same author takes them off the list.
 */
public final class KnownSpammers implements ScoringPhase {

    private final Set<String> emails = ConcurrentHashMap.newKeySet();
    private final Set<String> addresses = ConcurrentHashMap.newKeySet();

    public void markSpammer(String email, String ip) {
        if (email != null && !email.isBlank()) {
            emails.add(normalise(email));
        }
        if (ip != null && !ip.isBlank()) {
            addresses.add(ip.strip());
        }
    }

    public void clear(String email, String ip) {
        if (email != null) {
            emails.remove(normalise(email));
        }
        if (ip != null) {
            addresses.remove(ip.strip());
        }
    }

    @Override
    public String name() {
        return "known-spammers";
    }

    @Override
    public List<Finding> examine(CommentSubmitted comment) {
        String email = comment.getAuthor().getEmail();
        if (email != null && emails.contains(normalise(email))) {
            return List.of(new Finding(Verdict.SPAM, "author's email was marked as a spammer by a moderator"));
        }
        String ip = comment.getAuthor().getIp();
        if (ip != null && addresses.contains(ip.strip())) {
            return List.of(new Finding(Verdict.SPAM, "author's address was marked as a spammer by a moderator"));
        }
        return List.of();
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
