package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.Verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's discussion settings as a scoring phase: disallowed words mean spam, moderation words and too many links
 * hold the comment for a moderator, and a filled honeypot field gives a bot away.
 */
public final class SpamRules implements ScoringPhase {

    public static final List<String> DEFAULT_DISALLOWED_WORDS =
            List.of("viagra", "cialis", "casino", "payday loan", "porn");
    public static final int DEFAULT_LINKS_TO_HOLD = 2;

    // a URL is counted once however often it appears, so <a href="x">x</a> is one link, not two
    static final Pattern LINK =
            Pattern.compile("(?i)(?:https?://|(?<![\\w/.@])www\\.)[^\\s<>\"']+");

    private final WordList disallowed;
    private final WordList moderation;
    private final int linksToHold;

    /**
     * @param linksToHold hold comments with at least this many links; WordPress's {@code comment_max_links}
     */
    public SpamRules(List<String> disallowedWords, List<String> moderationWords, int linksToHold) {
        this.disallowed = new WordList(disallowedWords);
        this.moderation = new WordList(moderationWords);
        this.linksToHold = linksToHold;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public List<Finding> examine(CommentSubmitted comment) {
        List<Finding> findings = new ArrayList<>();
        String honeypot = comment.getHoneypot();
        if (honeypot != null && !honeypot.isBlank()) {
            findings.add(new Finding(Verdict.SPAM, "honeypot field filled in"));
        }
        String[] texts = textsOf(comment);
        for (int i = 0; i < texts.length; i++) {
            int field = i;
            disallowed.firstIn(texts[i]).ifPresent(word ->
                    findings.add(new Finding(Verdict.SPAM, "disallowed word '" + word + "' in " + FIELDS[field])));
        }
        for (int i = 0; i < texts.length; i++) {
            int field = i;
            moderation.firstIn(texts[i]).ifPresent(word ->
                    findings.add(new Finding(Verdict.UNSURE, "moderation word '" + word + "' in " + FIELDS[field])));
        }
        int links = links(comment.getContent());
        if (linksToHold > 0 && links >= linksToHold) {
            findings.add(new Finding(Verdict.UNSURE, links + " links in content (holding at " + linksToHold + ")"));
        }
        return findings;
    }

    private static final String[] FIELDS = {"content", "author name", "author email", "author url"};

    /** Like WordPress, the words are looked for in what the author wrote about themselves too (as {@link #FIELDS}). */
    private static String[] textsOf(CommentSubmitted comment) {
        CommentAuthor author = comment.getAuthor();
        if (author == null) {
            return new String[] {comment.getContent()};
        }
        return new String[] {comment.getContent(), author.getName(), author.getEmail(), author.getUrl()};
    }

    /** Distinct links in the content. */
    static int links(String content) {
        if (content == null || !mayHaveLink(content)) {
            return 0;
        }
        Set<String> urls = new HashSet<>();
        Matcher matcher = LINK.matcher(content);
        while (matcher.find()) {
            urls.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return urls.size();
    }

    /**
     * What {@link #LINK} cannot match without: "http" or "www." in any ASCII case (its case-insensitivity is ASCII's).
     * Bit 5 set lower-cases ASCII letters (and lets a few other characters pass, which the pattern then turns down).
     */
    private static boolean mayHaveLink(String content) {
        for (int i = 0; i + 4 <= content.length(); i++) {
            int c0 = content.charAt(i) | 0x20;
            if (c0 == 'h' && (content.charAt(i + 1) | 0x20) == 't' && (content.charAt(i + 2) | 0x20) == 't'
                    && (content.charAt(i + 3) | 0x20) == 'p'
                    || c0 == 'w' && (content.charAt(i + 1) | 0x20) == 'w' && (content.charAt(i + 2) | 0x20) == 'w'
                    && content.charAt(i + 3) == '.') {
                return true;
            }
        }
        return false;
    }
}
