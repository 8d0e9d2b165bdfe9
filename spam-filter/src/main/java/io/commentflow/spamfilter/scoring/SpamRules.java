package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.Verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final Pattern LINK =
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
        Map<String, String> texts = textsOf(comment);
        texts.forEach((field, text) -> disallowed.firstIn(text).ifPresent(word ->
                findings.add(new Finding(Verdict.SPAM, "disallowed word '" + word + "' in " + field))));
        texts.forEach((field, text) -> moderation.firstIn(text).ifPresent(word ->
                findings.add(new Finding(Verdict.UNSURE, "moderation word '" + word + "' in " + field))));
        int links = links(comment.getContent());
        if (linksToHold > 0 && links >= linksToHold) {
            findings.add(new Finding(Verdict.UNSURE, links + " links in content (holding at " + linksToHold + ")"));
        }
        return findings;
    }

    /** Like WordPress, the words are looked for in what the author wrote about themselves too. */
    private static Map<String, String> textsOf(CommentSubmitted comment) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("content", comment.getContent());
        CommentAuthor author = comment.getAuthor();
        if (author != null) {
            texts.put("author name", author.getName());
            texts.put("author email", author.getEmail());
            texts.put("author url", author.getUrl());
        }
        return texts;
    }

    private static int links(String content) {
        if (content == null) {
            return 0;
        }
        Set<String> urls = new HashSet<>();
        Matcher matcher = LINK.matcher(content);
        while (matcher.find()) {
            urls.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return urls.size();
    }
}
