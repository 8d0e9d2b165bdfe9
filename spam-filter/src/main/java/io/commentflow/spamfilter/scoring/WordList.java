package io.commentflow.spamfilter.scoring;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds whole words and phrases, ignoring case: "cialis" matches "CIALIS!" but not "specialist", and "payday loan"
 * matches across any run of whitespace. One precompiled pattern for the whole list keeps it one scan per text; before
 * it, the text is scanned for the first word of each phrase, ignoring ASCII case, and the pattern runs only where one is
 * found. That is only sound for lists of ASCII words, and for texts without the few characters that Unicode case
 * folding turns into ASCII letters (the Kelvin sign into "k", the long s into "s", dotless and dotted i into "i"): any
 * other character can never match a letter of an ASCII word.
 */
final class WordList {

    private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";

    private final Pattern pattern;
    /** The first word of each phrase in lower case, or null when the list has non-ASCII words. */
    private final String[] asciiFirstWords;
    /** Which ASCII characters (either case) start one of {@link #asciiFirstWords}. */
    private final boolean[] starts = new boolean[128];
    /** UTF-16 units beyond ASCII that case-insensitive Unicode matching may take for an ASCII character. */
    private static final BitSet FOLD_TO_ASCII = foldToAscii();

    WordList(List<String> words) {
        List<String> alternatives = words.stream()
                .map(WordList::normalised)
                .filter(w -> !w.isEmpty())
                .distinct()
                .map(w -> Arrays.stream(w.split(" ")).map(Pattern::quote).collect(Collectors.joining("\\s+")))
                .toList();
        this.pattern = alternatives.isEmpty() ? null : Pattern.compile(
                "(?<!" + WORD_CHAR + ")(?:" + String.join("|", alternatives) + ")(?!" + WORD_CHAR + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
        List<String> listed = words.stream().map(WordList::normalised).filter(w -> !w.isEmpty()).toList();
        this.asciiFirstWords = listed.stream().allMatch(WordList::isAscii)
                ? listed.stream().map(w -> w.split(" ")[0]).distinct().toArray(String[]::new)
                : null;
        if (asciiFirstWords != null) {
            for (String word : asciiFirstWords) {
                starts[Character.toLowerCase(word.charAt(0))] = true;
                starts[Character.toUpperCase(word.charAt(0))] = true;
            }
        }
    }

    /** The first listed word in the text, as listed (lower case, single spaces). */
    Optional<String> firstIn(String text) {
        if (pattern == null || text == null || text.isEmpty() || cannotContain(text)) {
            return Optional.empty();
        }
        return firstByPattern(text);
    }

    /** {@link #firstIn} without the pre-check. */
    Optional<String> firstByPattern(String text) {
        if (pattern == null || text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(normalised(matcher.group())) : Optional.empty();
    }

    /** True when the text is ASCII and holds none of the phrases' first words in any ASCII case. */
    private boolean cannotContain(String text) {
        if (asciiFirstWords == null) {
            return false;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch >= 128) {
                if (FOLD_TO_ASCII.get(ch)) {
                    return false;
                }
                continue;
            }
            if (starts[ch]) {
                for (String word : asciiFirstWords) {
                    if (mayStartAt(text, i, word)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Whether {@code word} (lower case) could be at {@code i} ignoring ASCII case. Comparing with bit 5 set (which
     * lower-cases ASCII letters) lets a few non-letters pass too: harmless, the pattern then decides.
     */
    private static boolean mayStartAt(String text, int i, String word) {
        int length = word.length();
        if (i + length > text.length()) {
            return false;
        }
        for (int j = 0; j < length; j++) {
            if ((text.charAt(i + j) | 0x20) != (word.charAt(j) | 0x20)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The characters the pattern's case-insensitive Unicode matching folds ({@code toLowerCase(toUpperCase(c))}, and
     * each way alone) to ASCII. Supplementary characters never fold to ASCII, checked here too: if one did, every
     * surrogate would count, so texts with any would go to the pattern.
     */
    private static BitSet foldToAscii() {
        BitSet folds = new BitSet(0x10000);
        for (int c = 128; c < 0x10000; c++) {
            if (foldsToAscii(c)) {
                folds.set(c);
            }
        }
        for (int c = 0x10000; c <= Character.MAX_CODE_POINT; c++) {
            if (foldsToAscii(c)) {
                folds.set(Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1);
                break;
            }
        }
        return folds;
    }

    private static boolean foldsToAscii(int c) {
        return Character.toLowerCase(Character.toUpperCase(c)) < 128 || Character.toLowerCase(c) < 128
                || Character.toUpperCase(c) < 128;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static String normalised(String word) {
        return word.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
