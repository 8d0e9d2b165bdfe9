package io.commentflow.spamfilter.classifier;

import io.commentflow.spamfilter.scoring.CorpusComments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The optimised extractor gives exactly the features of the straightforward one it replaced
 * ({@link ReferenceFeatureExtractor}): the same keys in the same order with the same values, bit for bit, so training
 * and scoring cannot tell them apart. Checked on every shipped text, on texts made to hit the corners (URLs, amounts,
 * long numbers, apostrophes, Unicode case and digits, odd whitespace) and on random mixes of those.
 */
class FeatureExtractorEquivalenceTests {

    private static final List<FeatureExtractor.Config> CONFIGS = List.of(
            FeatureExtractor.Config.DEFAULT,
            FeatureExtractor.Config.DEFAULT.withChars(0, 0),
            FeatureExtractor.Config.DEFAULT.withChars(1, 1),
            FeatureExtractor.Config.DEFAULT.withChars(2, 6),
            FeatureExtractor.Config.DEFAULT.withBigrams(false),
            FeatureExtractor.Config.DEFAULT.withStats(false, false),
            FeatureExtractor.Config.DEFAULT.withAuthor(false).withWeights(0.7, 1.3, 0.2),
            new FeatureExtractor.Config(false, false, 3, 5, true, true, true, 1.0, 1.0, 0.5));

    private static final String[] FRAGMENTS = {
        "check", "out", "my", "channel", "Subscribe", "LOVE", "song", "Free", "WIN", "don't", "it’s", "o'clock", "'",
        "’", "_under_score", "naïve", "İstanbul", "STRASSE", "straße", "ﬁne", "ＦＵＬＬ", "Ǆ", "ΣΊΣΥΦΟΣ", "é", "e\u0301",
        "😀", "\uD83D", "\uFEFF", "1", "12", "123", "1234", "12345", "0123456789012345", "١٢٣٤٥", "٣", "₹", "£", "$",
        "€", "10p", "5 pounds", "3 usd", "7\tcents", "9\ngbp", "2ppm", "4 dollar", "100cent", "8 p", "6px",
        "http://", "https://", "www.", "www", "WWW.", "HTTP://", ".com", ". com", ".\ncom", ".\tnet", ".co", ".com/watch?v=x",
        "youtube.com", "kidsmediausa . com", "http", "bit.ly/abc", "example.org?x=1", "t=1m2s", "#t", ".me", ".meh",
        ".com_", ".comé", ".c0m", ".info", ".io/", "goo.gl/xyz", ".uk.", "a-b.de", ".", ",", "!", "!!!", "?", "-", "/",
        "@", "<", ">", "\"", "&", ";", ":)", "<3", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u000B", "\f",
        "+44 7700 900123", "0845 281 0075", "09061701461", "Ünïcödé", "ǅ", "ǆ", "K", "ſ", "ı", "i̇",
    };

    private static List<LabeledText> shipped;

    @BeforeAll
    static void load() throws IOException {
        TrainingData data = TrainingData.load();
        shipped = new ArrayList<>(data.comments());
        shipped.addAll(data.sms());
    }

    @Test
    void everyShippedTextHasExactlyTheFeaturesItHadBefore() {
        // cleaned as the classifier is trained on them, and as stored (HTML-ish) as the service receives them
        for (FeatureExtractor.Config config : CONFIGS) {
            Pair pair = new Pair(config);
            for (LabeledText text : shipped) {
                pair.assertSame(text.text(), text.author());
                pair.assertSame(text.text(), null);
            }
            for (CorpusComments.Raw stored : CorpusComments.raw()) {
                pair.assertSame(stored.content(), stored.author());
            }
        }
    }

    @Test
    void cornerCasesHaveExactlyTheFeaturesTheyHadBefore() {
        List<String> texts = new ArrayList<>(List.of("", " ", "\uFEFF", "'", "''abc''", "a", "ab", "abc",
                "Check out my channel http://www.youtube.com/user/xyz call 08452810075 £100",
                "my site is kidsmediausa . com", "visit example.\ncom now", "so. come on", "the end.co", "x.com_y",
                "x.comé", "see bit.ly/2x and www.example.org/page?q=1#t=30", "WIN £1000 cash, call 09061701461 now!!!",
                "only 10p per msg", "3 pounds", "5\u000Bdollars", "12345 1234567890123 123456789012345678",
                "I'm it’s don’t", "e\u0301te\u0301", "ＦＵＬＬＷＩＤＴＨ ＴＥＸＴ", "İİİ ııı", "😀😀 love 😀", "a\u00A0b\u2003c",
                "http", "www", "httpwww", ".", "..", ". .", ".com", "www.", "http://", "12.com", "1.5 usd"));
        // long enough to grow every buffer past what a thread keeps, then ordinary texts again
        String verse = "Check out my channel www.example.com/watch?v=12345 for £5 - don't miss it! ";
        texts.add(3, verse.repeat(2_000));
        texts.add(4, "x".repeat(70_000));
        for (FeatureExtractor.Config config : CONFIGS) {
            Pair pair = new Pair(config);
            for (String text : texts) {
                pair.assertSame(text, null, true);
                pair.assertSame(text, text, true);
                pair.assertSame("prefix " + text + " suffix", "Author 42 " + text, true);
            }
        }
    }

    @Test
    void randomMixesHaveExactlyTheFeaturesTheyHadBefore() {
        Random random = new Random(20_251_126);
        List<Pair> pairs = CONFIGS.stream().map(Pair::new).toList();
        for (int i = 0; i < 20_000; i++) {
            String text = i % 4 == 3 ? randomChars(random) : randomFragments(random);
            String author = random.nextInt(3) == 0 ? null : randomFragments(random);
            pairs.get(i % pairs.size()).assertSame(text, author);
            pairs.get(0).assertSame(text, author, i % 10 == 0);
        }
    }

    private static String randomFragments(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(25); n > 0; n--) {
            sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            switch (random.nextInt(4)) {
                case 0 -> sb.append(' ');
                case 1 -> sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                default -> { }
            }
        }
        return sb.toString();
    }

    private static String randomChars(Random random) {
        String pool = "abcxyzACXZ019 .,!?'’-_/:@#$£€₹%&<>\"\t\n\u00A0\u2003éİıſK١😀\uFEFF\u0301";
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(120); n > 0; n--) {
            sb.append(pool.charAt(random.nextInt(pool.length())));
        }
        return sb.toString();
    }

    private record Pair(FeatureExtractor fast, ReferenceFeatureExtractor reference) {

        Pair(FeatureExtractor.Config c) {
            this(new FeatureExtractor(c), new ReferenceFeatureExtractor(new ReferenceFeatureExtractor.Config(c.words(),
                    c.bigrams(), c.charMin(), c.charMax(), c.urls(), c.stats(), c.author(), c.charWeight(),
                    c.wordWeight(), c.otherWeight())));
        }

        void assertSame(String text, String author) {
            assertSame(text, author, false);
        }

        /** @param named also the readable names (slower) */
        void assertSame(String text, String author, boolean named) {
            FeatureExtractor.Vector actual = fast.extract(text, author);
            ReferenceFeatureExtractor.Vector expected = reference.extract(text, author);
            Supplier<String> where = () -> "text " + escape(text) + ", author " + escape(author) + ", " + fast.config();
            assertArrayEquals(expected.keys(), actual.keys(), where);
            assertArrayEquals(expected.values(), actual.values(), where);
            if (named) {
                assertEquals(reference.explain(text, author), fast.explain(text, author), where);
            }
        }

        private static String escape(String s) {
            if (s == null) {
                return "null";
            }
            StringBuilder sb = new StringBuilder("\"");
            s.chars().forEach(c -> sb.append(c < 32 || c > 126 ? String.format("\\u%04X", c) : String.valueOf((char) c)));
            return sb.append('"').toString();
        }
    }
}
