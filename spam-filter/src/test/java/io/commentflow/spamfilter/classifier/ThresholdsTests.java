package io.commentflow.spamfilter.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThresholdsTests {

    @Test
    void twoThresholdsGiveThreeVerdicts() {
        Thresholds t = new Thresholds(0.1, 0.9, 0.5);
        assertEquals(Verdict.HAM, t.verdict(0.0));
        assertEquals(Verdict.HAM, t.verdict(0.0999));
        assertEquals(Verdict.UNSURE, t.verdict(0.1));
        assertEquals(Verdict.UNSURE, t.verdict(0.5));
        assertEquals(Verdict.UNSURE, t.verdict(0.8999));
        assertEquals(Verdict.SPAM, t.verdict(0.9));
        assertEquals(Verdict.SPAM, t.verdict(1.0));
        assertTrue(t.isSpam(0.5));
        assertFalse(t.isSpam(0.4999));
    }

    @Test
    void defaultsAreOrdered() {
        Thresholds d = Thresholds.DEFAULT;
        assertTrue(d.hamBelow() < d.binaryAt() && d.binaryAt() < d.spamAt(), d::toString);
    }

    @Test
    void rejectsInvertedOrOutOfRangeThresholds() {
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(0.9, 0.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(-0.1, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(0.1, 1.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(0.1, 0.9, 2));
    }

    @Test
    void ruleKeepsHamMarkedSpamAndSpamPassedWithinItsGoals() {
        // 1000 ham with scores 0.000..0.999, 200 spam with scores 0.5 + i/400
        List<ThresholdRule.Scored> oof = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            oof.add(new ThresholdRule.Scored("youtube", false, i / 1000.0));
        }
        for (int i = 0; i < 200; i++) {
            oof.add(new ThresholdRule.Scored("youtube", true, 0.5 + i / 400.0));
        }
        ThresholdRule rule = new ThresholdRule(Map.of("youtube", 0.005), Map.of("youtube", 0.05), 0.5, 0.9, 0.5, false);
        Thresholds t = rule.choose(oof);
        long hamSpam = oof.stream().filter(s -> !s.spam() && t.verdict(s.score()) == Verdict.SPAM).count();
        long spamHam = oof.stream().filter(s -> s.spam() && t.verdict(s.score()) == Verdict.HAM).count();
        assertEquals(5, hamSpam);        // 0.5 % of 1000
        assertEquals(10, spamHam);       // 5 % of 200
        assertEquals(0.525, t.hamBelow(), 1e-12);
        assertEquals(0.5, t.binaryAt());
    }
}
