package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.Verdict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs the phases in order and turns their findings into one decision: SPAM if any phase says spam, UNSURE (held for
 * a moderator) if any has doubts, HAM otherwise. Once a phase is certain of spam the costlier ones are skipped.
 * Thread-safe as long as the phases are: a batch may be scored on several threads while Akismet is asked.
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
        List<String> foundBy = new ArrayList<>(); // the phase of each finding, same index
        String lastJudged = Decision.NO_PHASE;
        for (ScoringPhase phase : phases) {
            List<Finding> found = phase.examine(comment, Collections.unmodifiableList(findings));
            findings.addAll(found);
            found.forEach(f -> foundBy.add(phase.name()));
            if (found.isEmpty() || !found.stream().allMatch(Finding::isRemark)) {
                lastJudged = phase.name(); // finding nothing is a judgement too; only remarking is not
            }
            if (verdictOf(findings) == Verdict.SPAM) {
                break;
            }
        }
        Verdict verdict = verdictOf(findings);
        List<String> reasons = findings.stream().map(Finding::reason).toList();
        return new Decision(verdict, scoreOf(verdict, findings), reasons, classifierVersion,
                decidedBy(verdict, findings, foundBy, lastJudged));
    }

    /** SPAM and UNSURE: the first phase that argued for it. HAM: the last phase that judged, since nobody objected. */
    private static String decidedBy(Verdict verdict, List<Finding> findings, List<String> foundBy, String lastJudged) {
        if (verdict == Verdict.HAM) {
            return lastJudged;
        }
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).verdict() == verdict) {
                return foundBy.get(i);
            }
        }
        throw new IllegalStateException("no finding for verdict " + verdict);
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
