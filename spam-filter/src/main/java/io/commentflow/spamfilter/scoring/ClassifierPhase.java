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
        String reason = String.format(Locale.ROOT, "classifier: %s (spam probability %.3f)",
                verdict.name().toLowerCase(Locale.ROOT), result.score());
        return List.of(new Finding(verdict, reason, result.score()));
    }
}
