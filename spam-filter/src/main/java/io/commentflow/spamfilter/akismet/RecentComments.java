package io.commentflow.spamfilter.akismet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The comments Akismet judged lately, by comment id: the exact fields it was sent and what it now believes. Akismet
 * asks that a correction carry the values of the original check, and the moderation event does not hold them all
 * (no referrer, date or honeypot). Bounded: the oldest are forgotten, and with them the chance to report a correction.
 */
final class RecentComments {

    /** @param spam whether Akismet, as far as we told or were told, holds the comment for spam */
    record Checked(Map<String, String> fields, boolean spam) {
    }

    private final Map<String, Checked> checked;

    RecentComments(int capacity) {
        this.checked = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(String commentId, Map<String, String> fields, boolean spam) {
        checked.put(commentId, new Checked(Map.copyOf(fields), spam));
    }

    synchronized Optional<Checked> get(String commentId) {
        return Optional.ofNullable(checked.get(commentId));
    }

    /** After a correction was taken: Akismet now holds the comment for what the moderator said. */
    synchronized void corrected(String commentId, boolean spam) {
        checked.computeIfPresent(commentId, (id, c) -> new Checked(c.fields(), spam));
    }

    synchronized int size() {
        return checked.size();
    }
}
