package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.Verdict;
import io.commentflow.spamfilter.classifier.SpamClassifier;
import io.commentflow.spamfilter.classifier.TextCleaner;

import java.util.List;
import java.util.Locale;

/**
 * The statistical phase: the text classifier trained on the shipped corpus and on moderators' decisions. Its
 * three-way verdict protects real comments: SPAM only where it is confident, the uncertain band held for a moderator.
 */
public final class ClassifierPhase implements ScoringPhase {

    private final SpamClassifier classifier;

    public ClassifierPhase(SpamClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public String name() {
        return "classifier";
    }

    @Override
    public List<Finding> examine(CommentSubmitted comment) {
        // intake stores sanitised HTML; the classifier learned from plain text
        SpamClassifier.Result result = classifier.classify(TextCleaner.htmlToText(comment.getContent()),
                comment.getAuthor().getName());
        Verdict verdict = Verdict.valueOf(result.verdict().name());
        String reason = "classifier: " + verdict.name().toLowerCase(Locale.ROOT) + " (spam probability "
                + threeDecimals(result.score()) + ")";
        return List.of(new Finding(verdict, reason, result.score()));
    }

    /**
     * {@code String.format(Locale.ROOT, "%.3f", p)} for a probability, at a fraction of the Formatter's cost (it was a
     * tenth of the time of scoring a comment). The Formatter rounds the shortest decimal of {@code p} half up; that
     * decimal is within 1e-16 of {@code p}, so rounding {@code p} itself gives the same digits except within a hair of
     * a half thousandth, which is left to the Formatter.
     */
    static String threeDecimals(double p) {
        if (!(p >= 0 && p <= 1) || Double.doubleToRawLongBits(p) < 0) {
            return String.format(Locale.ROOT, "%.3f", p); // outside [0, 1], NaN or -0.0
        }
        double thousandths = p * 1000;
        double whole = Math.floor(thousandths);
        double fraction = thousandths - whole;
        if (Math.abs(fraction - 0.5) < 1e-6) {
            return String.format(Locale.ROOT, "%.3f", p);
        }
        int k = (int) whole + (fraction > 0.5 ? 1 : 0);
        return new String(new char[] {(char) ('0' + k / 1000), '.', (char) ('0' + k / 100 % 10),
            (char) ('0' + k / 10 % 10), (char) ('0' + k % 10)});
    }
}
