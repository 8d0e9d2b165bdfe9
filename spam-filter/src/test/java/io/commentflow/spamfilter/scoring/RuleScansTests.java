package io.commentflow.spamfilter.scoring;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules scan a text cheaply before running their patterns and skip the pattern when the scan finds nothing it
 * could match. The scans must never skip a text the pattern would have matched: checked against the patterns alone on
 * random texts full of near misses (listed words in every case, inside longer words, split by odd whitespace, next to
 * non-ASCII letters that fold to ASCII ones, links in every case).
 */
class RuleScansTests {

    private static final String[] FRAGMENTS = {
        "viagra", "VIAGRA", "ViAgRa", "cialis", "specialist", "casino", "casinos", "payday", "loan", "payday loan",
        "PAYDAY\n\tLOAN", "payday\u00A0loan", "porn", "porno", "_porn", "porn_", "crypto", "limited offer", "limited",
        "café", "CAFÉ", "cafe", "ſpam", "spam", "SPAM", "k9", "K9", "\u212A9", "c++", "C++", "ı", "İ", "é", "e\u0301",
        "http://x.example", "HTTPS://Y.EXAMPLE/a", "hTtP://z", "http:/", "www.example.org", "WWW.EXAMPLE.ORG", "www",
        "/www.x", ".www.y", "@www.z", "<a href=\"http://a.example\">http://a.example</a>", "h", "w", "H", "W",
        " ", "  ", "\t", "\n", ".", ",", "!", "'", "\"", "<", ">", "😀", "١", "Ǆ", "\uFEFF",
    };

    private static final List<List<String>> LISTS = List.of(
            SpamRules.DEFAULT_DISALLOWED_WORDS,
            List.of("crypto", "limited offer"),
            List.of("café", "ſpam"),
            List.of("k9", "c++", " Payday   Loan "),
            List.of("spam", ""));

    @Test
    void wordListsFindWhatTheirPatternFinds() {
        Random random = new Random(42);
        List<WordList> lists = LISTS.stream().map(WordList::new).toList();
        for (int i = 0; i < 50_000; i++) {
            String text = text(random);
            for (WordList list : lists) {
                Optional<String> expected = list.firstByPattern(text);
                assertThat(list.firstIn(text)).as("%s in %s", LISTS.get(lists.indexOf(list)), text).isEqualTo(expected);
            }
        }
    }

    @Test
    void linksAreCountedAsThePatternCountsThem() {
        Random random = new Random(43);
        for (int i = 0; i < 50_000; i++) {
            String text = text(random);
            Set<String> urls = new HashSet<>();
            Matcher matcher = SpamRules.LINK.matcher(text);
            while (matcher.find()) {
                urls.add(matcher.group().toLowerCase(Locale.ROOT));
            }
            assertThat(SpamRules.links(text)).as(text).isEqualTo(urls.size());
        }
    }

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            if (random.nextBoolean()) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }
}
