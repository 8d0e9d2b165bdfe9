package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the phases in order and turns their findings into one decision: SPAM if any phase says spam, UNSURE (held for
 * a moderator) if any has doubts, HAM otherwise. Once a phase is certain of spam the costlier ones are skipped.
 */
public final class CommentScoring {

    static final double SPAM_SCORE = 0.99;
    static final double UNSURE_SCORE = 0.5;
    static final double HAM_SCORE = 0.05;

    private final List<ScoringPhase> phases;
    private final String classifierVersion;

    public CommentScoring(List<ScoringPhase> phases, String classifierVersion) {
        this.phases = List.copyOf(phases);
        this.classifierVersion = classifierVersion;
    }

    public Decision score(CommentSubmitted comment) {
        List<Finding> findings = new ArrayList<>();
        for (ScoringPhase phase : phases) {
            findings.addAll(phase.examine(comment));
            if (verdictOf(findings) == Verdict.SPAM) {
                break;
            }
        }
        Verdict verdict = verdictOf(findings);
        List<String> reasons = findings.stream().map(Finding::reason).toList();
        return new Decision(verdict, scoreOf(verdict, findings), reasons, classifierVersion);
    }

    private static Verdict verdictOf(List<Finding> findings) {
        Verdict verdict = Verdict.HAM;
        for (Finding finding : findings) {
            if (finding.verdict() == Verdict.SPAM) {
                return Verdict.SPAM;
            }
            if (finding.verdict() == Verdict.UNSURE) {
                verdict = Verdict.UNSURE;
            }
        }
        return verdict;
    }

    /** A statistical phase's estimate when there is one and the rules did not overrule it; else by verdict. */
    private static double scoreOf(Verdict verdict, List<Finding> findings) {
        boolean rulesSaySpam = findings.stream().anyMatch(f -> f.verdict() == Verdict.SPAM && Double.isNaN(f.score()));
        double estimate = findings.stream().mapToDouble(Finding::score).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
        if (!Double.isNaN(estimate) && !rulesSaySpam) {
            return estimate;
        }
        return switch (verdict) {
            case SPAM -> SPAM_SCORE;
            case UNSURE -> UNSURE_SCORE;
            case HAM -> HAM_SCORE;
        };
    }
}
