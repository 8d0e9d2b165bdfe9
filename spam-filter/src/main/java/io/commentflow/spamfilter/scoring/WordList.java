package io.commentflow.spamfilter.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds whole words and phrases, ignoring case: "cialis" matches "CIALIS!" but not "specialist", and "payday loan"
 * matches across any run of whitespace. One precompiled pattern for the whole list keeps it one scan per text.
 */
final class WordList {

    private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";

    private final Pattern pattern;

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
    }

    /** The first listed word in the text, as listed (lower case, single spaces). */
    Optional<String> firstIn(String text) {
        if (pattern == null || text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(normalised(matcher.group())) : Optional.empty();
    }

    private static String normalised(String word) {
        return word.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
