package io.commentflow.spamfilter.classifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link FeatureExtractor} as it was before it was made faster (commit 8ac82d1), kept verbatim apart from its name:
 * the straightforward version the optimised one must agree with bit for bit ({@code FeatureExtractorEquivalenceTests}).
 *
 * <p>Original description: turns (text, author) into a sparse feature vector. Stateless and thread-safe.
 *
 * <p>Feature groups (name prefix in {@link #explain}): {@code w:} lowercased word unigrams,
 * {@code b:} word bigrams (with start/end markers), {@code c:} character 3..5-grams of the
 * normalised text (whitespace collapsed, digits folded to 0, URLs folded to a marker),
 * {@code u:} URL tokens (host, registered domain, TLD, first path segment, scheme), {@code s:}
 * shape statistics (length and word-count buckets, uppercase/digit/non-ASCII ratio buckets, '!'
 * count, phone number, currency/price), {@code a:} author-name tokens, and a constant bias.
 * Values are binary; the char group, the word group and the rest are scaled so that their L2
 * norms relate as the configured group weights and the whole vector has unit norm.
 *
 * <p>Features are identified by a 64-bit hash of their name ({@link #hash(String)}), computed
 * without building the name, so extraction allocates little (about 10 µs for an 80-character
 * comment). {@link #explain} gives the readable names for debugging and tests.
 */
final class ReferenceFeatureExtractor {

    /** Knobs for the feature set; {@link #DEFAULT} is the one chosen by cross-validation. */
    public record Config(boolean words, boolean bigrams, int charMin, int charMax, boolean urls, boolean stats,
                         boolean author, double charWeight, double wordWeight, double otherWeight) {
        public static final Config DEFAULT = new Config(true, true, 3, 5, true, true, true, 1.0, 1.0, 0.5);

        public Config withAuthor(boolean a) {
            return new Config(words, bigrams, charMin, charMax, urls, stats, a, charWeight, wordWeight, otherWeight);
        }

        public Config withChars(int min, int max) {
            return new Config(words, bigrams, min, max, urls, stats, author, charWeight, wordWeight, otherWeight);
        }

        public Config withWeights(double c, double w, double o) {
            return new Config(words, bigrams, charMin, charMax, urls, stats, author, c, w, o);
        }

        public Config withBigrams(boolean b) {
            return new Config(words, b, charMin, charMax, urls, stats, author, charWeight, wordWeight, otherWeight);
        }

        public Config withStats(boolean s, boolean u) {
            return new Config(words, bigrams, charMin, charMax, u, s, author, charWeight, wordWeight, otherWeight);
        }
    }

    /** A sparse vector: feature hashes (unique, unordered) and values, parallel arrays. Treat as immutable. */
    public record Vector(long[] keys, double[] values) {
        public int size() {
            return keys.length;
        }
    }

    // http(s)://..., www...., and bare or obfuscated domains like "kidsmediausa . com"
    private static final Pattern URL = Pattern.compile(
            "\\b(?:https?://|www\\.)[^\\s<>\"]+"
                    + "|\\b[a-z0-9][a-z0-9-]*(?:\\s?\\.\\s?[a-z0-9-]+)*\\s?\\.\\s?(?:com|net|org|info|biz|ly|co|tk|me|tv|us|uk|de|ru|gl|be|io)\\b(?:/[^\\s<>\"]*)?");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d -]{8,}\\d");
    private static final Pattern CURRENCY = Pattern.compile("[£$€₹]|\\b\\d+\\s?(?:p|ppm|gbp|usd|pounds?|dollars?|cents?)\\b");

    private static final int G_CHAR = 0;
    private static final int G_WORD = 1;
    private static final int G_OTHER = 2;

    private final Config config;

    ReferenceFeatureExtractor() {
        this(Config.DEFAULT);
    }

    ReferenceFeatureExtractor(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** The feature vector. */
    public Vector extract(String text, String author) {
        HashingSink sink = new HashingSink();
        run(text, author, sink);
        return sink.vector(config);
    }

    /** The same features by readable name (for debugging and tests). */
    public Map<String, Double> explain(String text, String author) {
        NamingSink sink = new NamingSink();
        run(text, author, sink);
        Vector v = sink.hashing.vector(config);
        Map<String, Double> out = new TreeMap<>();
        Map<Long, Double> byKey = new java.util.HashMap<>();
        for (int i = 0; i < v.size(); i++) {
            byKey.put(v.keys()[i], v.values()[i]);
        }
        for (Map.Entry<Long, String> e : sink.names.entrySet()) {
            out.put(e.getValue(), byKey.get(e.getKey()));
        }
        return out;
    }

    /**
     * Domain augmentation ("frustratingly easy domain adaptation", Daumé 2007): every feature
     * appears once shared and once tagged with the domain, so one linear model learns what the
     * corpora share plus a per-domain correction (including a per-domain bias).
     */
    public static Vector augment(Vector v, String domain) {
        int n = v.size();
        long salt = hash(domain + "|");
        long[] keys = new long[2 * n];
        double[] values = new double[2 * n];
        for (int i = 0; i < n; i++) {
            keys[i] = v.keys()[i];
            values[i] = v.values()[i] * AUGMENT_SCALE;
            keys[n + i] = fmix(v.keys()[i] ^ salt);
            values[n + i] = v.values()[i] * AUGMENT_SCALE;
        }
        return new Vector(keys, values);
    }

    /** Value scale of both copies in {@link #augment}, keeping the vector's norm. */
    public static final double AUGMENT_SCALE = Math.sqrt(0.5);

    /** The key of the domain copy of feature {@code key} in {@link #augment}. */
    public static long augmentedKey(long key, String domain) {
        return fmix(key ^ hash(domain + "|"));
    }

    // ------------------------------------------------------------------ extraction

    private void run(String text, String author, Sink sink) {
        String raw = nfkc(text == null ? "" : text.replace("\uFEFF", ""));
        String lower = raw.toLowerCase(Locale.ROOT);

        String body = lower;
        int urlCount = 0;
        if (lower.indexOf('.') >= 0 && mayHaveUrl(lower)) {
            Matcher um = URL.matcher(lower);
            StringBuilder noUrl = null;
            int last = 0;
            while (um.find()) {
                if (noUrl == null) {
                    noUrl = new StringBuilder(lower.length());
                }
                urlCount++;
                noUrl.append(lower, last, um.start()).append(" httpurl ");
                last = um.end();
                if (config.urls) {
                    urlFeatures(um.group(), sink);
                }
            }
            if (noUrl != null) {
                body = noUrl.append(lower, last, lower.length()).toString();
            }
        }

        List<String> tokens = tokens(body);
        if (config.words) {
            for (String t : tokens) {
                sink.begin(G_WORD, 'w').feed(t).end();
            }
            if (config.bigrams) {
                String prev = "^";
                for (String t : tokens) {
                    sink.begin(G_WORD, 'b').feed(prev).feed(' ').feed(t).end();
                    prev = t;
                }
                sink.begin(G_WORD, 'b').feed(prev).feed(' ').feed('$').end();
            }
        }
        if (config.charMax > 0) {
            sink.charGrams(G_CHAR, 'c', charNormalise(body), config.charMin, config.charMax);
        }
        if (config.stats) {
            statFeatures(raw, lower, tokens.size(), urlCount, sink);
        }
        if (config.author && author != null && !author.isBlank()) {
            String a = nfkc(author).toLowerCase(Locale.ROOT);
            List<String> at = tokens(a);
            for (String t : at) {
                sink.begin(G_OTHER, 'a').feed(t).end();
            }
            boolean digits = false;
            for (int i = 0; i < a.length() && !digits; i++) {
                digits = Character.isDigit(a.charAt(i));
            }
            if (digits) {
                sink.begin(G_OTHER, 'a').feed("#digits").end();
            }
            sink.begin(G_OTHER, 'a').feed("#ntok=").feed((char) ('0' + Math.min(at.size(), 4))).end();
        }
        sink.begin(G_OTHER, 'x').feed("bias").end();
    }

    private static final String[] URL_HINTS = {"http", "www", "com", "net", "org", "info", "biz", "ly", "co",
        "tk", "me", "tv", "us", "uk", "de", "ru", "gl", "be", "io"};

    /** Cheap pre-check before the URL regex (the slowest part of extraction): "." or ". " before a TLD. */
    private static boolean mayHaveUrl(String lower) {
        if (lower.contains("http") || lower.contains("www")) {
            return true;
        }
        for (int dot = lower.indexOf('.'); dot >= 0; dot = lower.indexOf('.', dot + 1)) {
            int from = dot + 1;
            if (from < lower.length() && lower.charAt(from) == ' ') {
                from++;
            }
            for (int h = 2; h < URL_HINTS.length; h++) {
                if (lower.startsWith(URL_HINTS[h], from)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String nfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    private static void urlFeatures(String url, Sink sink) {
        sink.begin(G_OTHER, 'u').feed("any").end();
        String u = url.replaceAll("\\s", "");
        boolean scheme = u.startsWith("http://") || u.startsWith("https://");
        sink.begin(G_OTHER, 'u').feed(scheme ? "scheme" : (u.startsWith("www.") ? "www" : "bare")).end();
        String rest = u.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        int slash = rest.indexOf('/');
        String host = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash + 1) : "";
        int q = host.indexOf('?');
        if (q >= 0) {
            host = host.substring(0, q);
        }
        sink.begin(G_OTHER, 'u').feed("host=").feed(host).end();
        String[] labels = host.split("\\.");
        if (labels.length >= 2) {
            sink.begin(G_OTHER, 'u').feed("tld=").feed(labels[labels.length - 1]).end();
            sink.begin(G_OTHER, 'u').feed("dom=").feed(labels[labels.length - 2]).feed('.').feed(labels[labels.length - 1]).end();
        }
        String p1 = path.split("[/?#&=]", 2)[0];
        if (!p1.isEmpty()) {
            sink.begin(G_OTHER, 'u').feed("path1=").feed(p1.length() > 12 ? "#long" : p1).end();
        }
        if (path.contains("t=") || path.contains("#t")) {
            sink.begin(G_OTHER, 'u').feed("timestamp").end();
        }
    }

    private static void statFeatures(String raw, String lower, int nTokens, int urlCount, Sink sink) {
        int len = raw.length();
        sink.begin(G_OTHER, 's').feed("len=").feed(bucket(len)).end();
        sink.begin(G_OTHER, 's').feed("ntok=").feed(bucket(nTokens)).end();
        sink.begin(G_OTHER, 's').feed("urls=").feed((char) ('0' + Math.min(urlCount, 3))).end();
        int letters = 0;
        int upper = 0;
        int digits = 0;
        int excl = 0;
        int nonAscii = 0;
        boolean money = false;
        for (int i = 0; i < len; i++) {
            char ch = raw.charAt(i);
            if (Character.isLetter(ch)) {
                letters++;
                if (Character.isUpperCase(ch)) {
                    upper++;
                }
            } else if (Character.isDigit(ch)) {
                digits++;
            } else if (ch == '!') {
                excl++;
            }
            if (ch > 127) {
                nonAscii++;
            }
            money |= ch == '£' || ch == '$' || ch == '€' || ch == '₹';
        }
        if (letters >= 5) {
            double r = (double) upper / letters;
            sink.begin(G_OTHER, 's').feed("upper=").feed((char) ('0' + (r < 0.05 ? 0 : r < 0.2 ? 1 : r < 0.5 ? 2 : r < 0.8 ? 3 : 4))).end();
        }
        if (len > 0) {
            double d = (double) digits / len;
            sink.begin(G_OTHER, 's').feed("digits=").feed((char) ('0' + (d == 0 ? 0 : d < 0.05 ? 1 : d < 0.15 ? 2 : 3))).end();
            if (nonAscii > 0) {
                sink.begin(G_OTHER, 's').feed("nonascii=").feed((double) nonAscii / len < 0.1 ? '1' : '2').end();
            }
        }
        sink.begin(G_OTHER, 's').feed("excl=").feed((char) ('0' + Math.min(excl, 3))).end();
        if (digits >= 10 && PHONE.matcher(raw).find()) {
            sink.begin(G_OTHER, 's').feed("phone").end();
        }
        if (money || (digits > 0 && CURRENCY.matcher(lower).find())) {
            sink.begin(G_OTHER, 's').feed("currency").end();
        }
    }

    private static char bucket(int n) {
        // 0, 1, 2-3, 4-7, 8-15, ... as '0' + bit length
        return (char) ('0' + (n == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(n)));
    }

    /** Lowercase word tokens: runs of letters/digits, apostrophes dropped; long numbers become a shape. */
    static List<String> tokens(String lower) {
        List<String> out = new ArrayList<>();
        int n = lower.length();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i <= n; i++) {
            char ch = i < n ? lower.charAt(i) : ' ';
            if (Character.isLetterOrDigit(ch)) {
                cur.append(ch);
            } else if ((ch == '\'' || ch == '\u2019') && cur.length() > 0) {
                continue; // don't -> dont
            } else if (cur.length() > 0) {
                out.add(shape(cur));
                cur.setLength(0);
            }
        }
        return out;
    }

    private static String shape(CharSequence tok) {
        for (int i = 0; i < tok.length(); i++) {
            if (!Character.isDigit(tok.charAt(i))) {
                return tok.toString();
            }
        }
        return tok.length() >= 5 ? "#num" + Math.min(tok.length(), 12) : tok.toString();
    }

    /** Collapses whitespace, folds digits to 0, pads with spaces. */
    static String charNormalise(String lower) {
        StringBuilder sb = new StringBuilder(lower.length() + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < lower.length(); i++) {
            char ch = lower.charAt(i);
            if (Character.isWhitespace(ch)) {
                if (!space) {
                    sb.append(' ');
                    space = true;
                }
            } else {
                sb.append(Character.isDigit(ch) ? '0' : ch);
                space = false;
            }
        }
        if (!space) {
            sb.append(' ');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ hashing

    private static final long FNV_PRIME = 0x100000001B3L;
    private static final long SEED = 0xCBF29CE484222325L;

    /**
     * The key of a feature from its readable name as printed by {@link #explain}: the first
     * character and the colon are the group prefix ("w:love" → prefix 'w', body "love").
     */
    public static long hash(String name) {
        if (name.length() >= 2 && name.charAt(1) == ':') {
            long h = (SEED ^ name.charAt(0)) * FNV_PRIME;
            for (int i = 2; i < name.length(); i++) {
                h = (h ^ name.charAt(i)) * FNV_PRIME;
            }
            return fmix(h);
        }
        long h = SEED;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * FNV_PRIME;
        }
        return fmix(h);
    }

    /** MurmurHash3 64-bit finaliser. */
    static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    /** Receives features as a stream of characters: begin(group, prefix), feed..., end(). */
    private interface Sink {
        Sink begin(int group, char prefix);

        Sink feed(CharSequence s, int from, int to);

        Sink feed(char c);

        void end();

        default Sink feed(CharSequence s) {
            return feed(s, 0, s.length());
        }

        /** All character n-grams of s with min <= n <= max, each as one feature. */
        default void charGrams(int group, char prefix, String s, int min, int max) {
            int len = s.length();
            for (int i = 0; i < len; i++) {
                for (int n = min; n <= max && i + n <= len; n++) {
                    begin(group, prefix).feed(s, i, i + n).end();
                }
            }
        }
    }

    /** Hashes each feature name on the fly (FNV-1a over UTF-16 units + murmur finaliser). */
    private static final class HashingSink implements Sink {
        private final long[][] keys = {new long[512], new long[64], new long[32]};
        private final int[] sizes = new int[3];
        private int group;
        private long h;

        @Override
        public Sink begin(int g, char prefix) {
            group = g;
            h = (SEED ^ prefix) * FNV_PRIME;
            return this;
        }

        @Override
        public Sink feed(CharSequence s, int from, int to) {
            long x = h;
            for (int i = from; i < to; i++) {
                x = (x ^ s.charAt(i)) * FNV_PRIME;
            }
            h = x;
            return this;
        }

        @Override
        public Sink feed(char c) {
            h = (h ^ c) * FNV_PRIME;
            return this;
        }

        @Override
        public void charGrams(int g, char prefix, String s, int min, int max) {
            // FNV-1a is sequential: the state after n characters is the hash of the n-gram
            long start = (SEED ^ prefix) * FNV_PRIME;
            int len = s.length();
            group = g;
            for (int i = 0; i + min <= len; i++) {
                long x = start;
                int end = Math.min(len, i + max);
                for (int j = i; j < end; j++) {
                    x = (x ^ s.charAt(j)) * FNV_PRIME;
                    if (j - i + 1 >= min) {
                        h = x;
                        end();
                    }
                }
            }
        }

        @Override
        public void end() {
            long[] a = keys[group];
            if (sizes[group] == a.length) {
                a = keys[group] = Arrays.copyOf(a, a.length * 2);
            }
            a[sizes[group]++] = fmix(h);
        }

        Vector vector(Config c) {
            int total = sizes[0] + sizes[1] + sizes[2];
            int cap = Integer.highestOneBit(Math.max(8, total * 2 - 1)) << 1;
            long[] table = new long[cap]; // open addressing; 0 = empty (a zero key is dropped: p ~ 2^-64)
            int mask = cap - 1;
            long[] k = new long[total];
            byte[] grp = new byte[total];
            int[] counts = new int[3];
            int m = 0;
            for (int g = 0; g < 3; g++) {
                long[] a = keys[g];
                for (int j = 0; j < sizes[g]; j++) {
                    long key = a[j];
                    int i = (int) (key ^ (key >>> 32)) & mask;
                    long t;
                    while ((t = table[i]) != 0 && t != key) {
                        i = (i + 1) & mask;
                    }
                    if (t == 0 && key != 0) {
                        table[i] = key;
                        k[m] = key;
                        grp[m++] = (byte) g;
                        counts[g]++;
                    }
                }
            }
            double[] gw = {c.charWeight(), c.wordWeight(), c.otherWeight()};
            double norm2 = 0;
            for (int g = 0; g < 3; g++) {
                if (counts[g] > 0) {
                    norm2 += gw[g] * gw[g];
                }
            }
            double norm = Math.sqrt(norm2);
            double[] per = new double[3];
            for (int g = 0; g < 3; g++) {
                per[g] = counts[g] == 0 ? 0 : gw[g] / Math.sqrt(counts[g]) / norm;
            }
            double[] v = new double[m];
            for (int i = 0; i < m; i++) {
                v[i] = per[grp[i]];
            }
            return new Vector(m == total ? k : Arrays.copyOf(k, m), v);
        }
    }

    /** Debug sink: records names next to hashes. */
    private static final class NamingSink implements Sink {
        final HashingSink hashing = new HashingSink();
        final Map<Long, String> names = new TreeMap<>();
        private final StringBuilder name = new StringBuilder();

        @Override
        public Sink begin(int g, char prefix) {
            hashing.begin(g, prefix);
            name.setLength(0);
            name.append(prefix).append(':');
            return this;
        }

        @Override
        public Sink feed(CharSequence s, int from, int to) {
            hashing.feed(s, from, to);
            name.append(s, from, to);
            return this;
        }

        @Override
        public Sink feed(char c) {
            hashing.feed(c);
            name.append(c);
            return this;
        }

        @Override
        public void end() {
            hashing.end();
            names.put(fmix(hashing.h), name.toString());
        }
    }
}
