package io.commentflow.spamfilter.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FeatureExtractorTests {

    private final FeatureExtractor fx = new FeatureExtractor();

    @Test
    void producesWordsBigramsCharGramsUrlsStatsAndAuthorTokens() {
        Map<String, Double> f = fx.explain("Check out my channel http://www.youtube.com/user/xyz call 08452810075 £100", "Best Deals 4U");
        for (String name : new String[]{"w:check", "w:channel", "b:check out", "b:^ check", "c:che", "c:chan",
                "w:httpurl", "u:any", "u:scheme", "u:host=youtube.com", "u:dom=youtube.com", "u:tld=com", "u:path1=user",
                "w:#num11", "s:phone", "s:currency", "a:best", "a:deals", "a:#digits", "x:bias"}) {
            assertTrue(f.containsKey(name), () -> name + " missing from " + f.keySet());
        }
    }

    @Test
    void hashedKeysAreTheHashesOfTheExplainedNames() {
        String text = "Subscribe to my channel!!! www.example.com ♥ ＦＵＬＬＷＩＤＴＨ";
        FeatureExtractor.Vector v = fx.extract(text, "Some One");
        Map<String, Double> named = fx.explain(text, "Some One");
        Set<Long> keys = new HashSet<>();
        for (long k : v.keys()) {
            keys.add(k);
        }
        assertEquals(keys.size(), v.size(), "keys are unique");
        Set<Long> fromNames = new HashSet<>();
        named.keySet().forEach(n -> fromNames.add(FeatureExtractor.hash(n)));
        assertEquals(keys, fromNames);
    }

    @Test
    void vectorHasUnitNormAndIsDeterministic() {
        FeatureExtractor.Vector a = fx.extract("Love this song <3", null);
        FeatureExtractor.Vector b = fx.extract("Love this song <3", null);
        double n2 = Arrays.stream(a.values()).map(x -> x * x).sum();
        assertEquals(1.0, n2, 1e-9);
        assertArrayEquals(a.keys(), b.keys());
        assertArrayEquals(a.values(), b.values());
    }

    @Test
    void byteOrderMarkDoesNotChangeFeatures() {
        assertEquals(fx.explain("check this out .", null), fx.explain("check this out .\uFEFF", null));
    }

    @Test
    void obfuscatedDomainsAreUrls() {
        Map<String, Double> f = fx.explain("my site is kidsmediausa . com", null);
        assertTrue(f.containsKey("u:dom=kidsmediausa.com"), f.keySet()::toString);
    }

    @Test
    void augmentationKeepsTheNormAndTagsTheDomainCopy() {
        FeatureExtractor.Vector v = fx.extract("hello there", null);
        FeatureExtractor.Vector a = FeatureExtractor.augment(v, "comment");
        assertEquals(2 * v.size(), a.size());
        assertEquals(1.0, Arrays.stream(a.values()).map(x -> x * x).sum(), 1e-9);
        assertEquals(FeatureExtractor.augmentedKey(v.keys()[0], "comment"), a.keys()[v.size()]);
    }
}
