package io.commentflow.posts.blog;

import java.util.Arrays;
import java.util.Locale;

/**
 * Avatars that reveal nothing about the commenter's email address: the initials of the name they gave, on a
 * colour derived from that name. (A hash of the email, as Gravatar uses, can be reversed by guessing.)
 */
final class Avatars {

    private Avatars() {
    }

    static String initials(String name) {
        String[] words = Arrays.stream(name == null ? new String[0] : name.strip().split("\\s+"))
                .filter(w -> !w.isEmpty() && Character.isLetterOrDigit(w.codePointAt(0)))
                .toArray(String[]::new);
        if (words.length == 0) {
            return "?";
        }
        String first = firstLetter(words[0]);
        return words.length == 1 ? first : first + firstLetter(words[words.length - 1]);
    }

    /** A hue (0–359) for the avatar's background. */
    static int hue(String name) {
        return Math.floorMod((name == null ? "" : name).hashCode() * 31, 360);
    }

    private static String firstLetter(String word) {
        return new String(Character.toChars(word.codePointAt(0))).toUpperCase(Locale.ROOT);
    }
}
