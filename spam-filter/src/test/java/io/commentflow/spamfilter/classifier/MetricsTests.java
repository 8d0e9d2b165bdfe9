package io.commentflow.spamfilter.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MetricsTests {

    @Test
    void computesEveryFigureOnAHandMadeExample() {
        Thresholds t = new Thresholds(0.2, 0.8, 0.5);
        Metrics.Counter c = new Metrics.Counter();
        // 4 spam: 0.95 (TP, SPAM), 0.6 (TP, UNSURE), 0.3 (FN, UNSURE), 0.1 (FN, HAM)
        c.add(true, 0.95, t).add(true, 0.6, t).add(true, 0.3, t).add(true, 0.1, t);
        // 6 ham: 0.9 (FP, SPAM), 0.55 (FP, UNSURE), 0.25 (TN, UNSURE), 0.1, 0.05, 0.0 (TN, HAM)
        c.add(false, 0.9, t).add(false, 0.55, t).add(false, 0.25, t).add(false, 0.1, t).add(false, 0.05, t).add(false, 0.0, t);
        Metrics m = c.metrics();
        assertEquals(10, m.count());
        assertEquals(6.0 / 10, m.accuracy(), 1e-12);      // TP 2 + TN 4
        assertEquals(2.0 / 4, m.precision(), 1e-12);      // TP 2 / (TP 2 + FP 2)
        assertEquals(2.0 / 4, m.recall(), 1e-12);         // TP 2 / 4 spam
        assertEquals(0.5, m.f1(), 1e-12);
        assertEquals(1.0 / 6, m.hamMarkedSpam(), 1e-12); // 0.9
        assertEquals(2.0 / 6, m.hamHeld(), 1e-12);       // 0.55, 0.25
        assertEquals(1.0 / 4, m.spamPassed(), 1e-12);    // 0.1
    }

    @Test
    void emptyDenominatorsGiveZero() {
        Metrics m = new Metrics.Counter().add(false, 0.0, Thresholds.DEFAULT).metrics();
        assertEquals(1.0, m.accuracy());
        assertEquals(0.0, m.precision());
        assertEquals(0.0, m.recall());
        assertEquals(0.0, m.f1());
        assertEquals(0.0, m.spamPassed());
    }

    @Test
    void jsonHasTheDocumentedShape() {
        Metrics m = new Metrics(3, 1, 1, 1, 1, 0, 0.5, 0);
        Map<String, Metrics> r = new LinkedHashMap<>();
        r.put("youtube", m);
        r.put("sms", m);
        String one = "{\"accuracy\": 1.000000, \"precision\": 1.000000, \"recall\": 1.000000, \"f1\": 1.000000, "
                + "\"hamMarkedSpam\": 0.000000, \"hamHeld\": 0.500000, \"spamPassed\": 0.000000, \"count\": 3}";
        assertEquals("{\"youtube\": " + one + ", \"sms\": " + one + "}", Evaluation.toJson(r));
    }
}
