package io.commentflow.spamfilter.classifier;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns (text, author) into a sparse feature vector. Thread-safe (each thread reuses buffers of its own).
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
 * without building the name: tokens, the normalised text and the keys live in buffers each thread
 * reuses, so extraction allocates hardly more than the vector it returns, and the regular
 * expressions (URL, currency) run only where a cheap scan finds what they need (about 3 µs for an
 * 80-character comment). {@link #explain} gives the readable names for debugging and tests.
 */
public final class FeatureExtractor {

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
    // what urlFeatures takes apart a URL with (String.replaceAll and split would compile them at every call)
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Pattern LEADING_SCHEME = Pattern.compile("^https?://");
    private static final Pattern LEADING_WWW = Pattern.compile("^www\\.");
    private static final Pattern PATH_SEPARATOR = Pattern.compile("[/?#&=]");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d -]{8,}\\d");
    private static final Pattern CURRENCY = Pattern.compile("[£$€₹]|\\b\\d+\\s?(?:p|ppm|gbp|usd|pounds?|dollars?|cents?)\\b");

    private static final int G_CHAR = 0;
    private static final int G_WORD = 1;
    private static final int G_OTHER = 2;

    private final Config config;

    public FeatureExtractor() {
        this(Config.DEFAULT);
    }

    public FeatureExtractor(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** The feature vector. */
    public Vector extract(String text, String author) {
        Scratch scratch = SCRATCH.get();
        try {
            run(text, author, scratch.sink, scratch);
            return scratch.sink.vector(config);
        } finally {
            scratch.reset();
        }
    }

    /** The same features by readable name (for debugging and tests). */
    public Map<String, Double> explain(String text, String author) {
        NamingSink sink = new NamingSink();
        run(text, author, sink, new Scratch());
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

    private void run(String text, String author, Sink sink, Scratch scratch) {
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

        Tokens tokens = scratch.tokens.of(body);
        if (config.words) {
            for (int t = 0; t < tokens.count; t++) {
                tokens.feed(sink.begin(G_WORD, 'w'), t).end();
            }
            if (config.bigrams) {
                for (int t = 0; t < tokens.count; t++) {
                    Sink bigram = sink.begin(G_WORD, 'b');
                    if (t == 0) {
                        bigram.feed('^');
                    } else {
                        tokens.feed(bigram, t - 1);
                    }
                    tokens.feed(bigram.feed(' '), t).end();
                }
                Sink last = sink.begin(G_WORD, 'b');
                if (tokens.count == 0) {
                    last.feed('^');
                } else {
                    tokens.feed(last, tokens.count - 1);
                }
                last.feed(' ').feed('$').end();
            }
        }
        if (config.charMax > 0) {
            int n = scratch.charNormalise(body);
            sink.charGrams(G_CHAR, 'c', scratch.chars, n, config.charMin, config.charMax);
        }
        if (config.stats) {
            statFeatures(raw, lower, tokens.count, urlCount, sink);
        }
        if (config.author && author != null && !author.isBlank()) {
            String a = nfkc(author).toLowerCase(Locale.ROOT);
            Tokens at = scratch.tokens.of(a);
            for (int t = 0; t < at.count; t++) {
                at.feed(sink.begin(G_OTHER, 'a'), t).end();
            }
            boolean digits = false;
            for (int i = 0; i < a.length() && !digits; i++) {
                digits = Ascii.isDigit(a.charAt(i));
            }
            if (digits) {
                sink.begin(G_OTHER, 'a').feed("#digits").end();
            }
            sink.begin(G_OTHER, 'a').feed("#ntok=").feed((char) ('0' + Math.min(at.count, 4))).end();
        }
        sink.begin(G_OTHER, 'x').feed("bias").end();
    }

    private static final String[] URL_HINTS = {"http", "www", "com", "net", "org", "info", "biz", "ly", "co",
        "tk", "me", "tv", "us", "uk", "de", "ru", "gl", "be", "io"};

    /**
     * Cheap pre-check before the URL regex: "http" or "www" anywhere, or "." or ". " before a TLD (what decides which
     * texts are searched for URLs at all), and then something the regex cannot match without: "http://", "https://"
     * or "www.", or a TLD after "." (and at most one whitespace) that does not run on into a longer word.
     */
    private static boolean mayHaveUrl(String lower) {
        boolean hinted = lower.contains("http") || lower.contains("www");
        if (hinted && (lower.contains("http://") || lower.contains("https://") || lower.contains("www."))) {
            return true;
        }
        boolean tld = false;
        for (int dot = lower.indexOf('.'); dot >= 0; dot = lower.indexOf('.', dot + 1)) {
            int from = dot + 1;
            if (!hinted) {
                int at = from < lower.length() && lower.charAt(from) == ' ' ? from + 1 : from;
                for (int h = 2; h < URL_HINTS.length && !hinted; h++) {
                    hinted = lower.startsWith(URL_HINTS[h], at);
                }
            }
            if (!tld) {
                int at = from < lower.length() && isRegexSpace(lower.charAt(from)) ? from + 1 : from;
                for (int h = 2; h < URL_HINTS.length && !tld; h++) {
                    tld = lower.startsWith(URL_HINTS[h], at) && !isAsciiWordChar(lower, at + URL_HINTS[h].length());
                }
            }
            if (hinted && tld) {
                return true;
            }
        }
        return false;
    }

    /** {@code \s} of a regular expression without flags. */
    private static boolean isRegexSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
    }

    /** Whether {@code s} has an ASCII letter, digit or underscore at {@code i}: no word boundary before it. */
    private static boolean isAsciiWordChar(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        char ch = s.charAt(i);
        return ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_');
    }

    /**
     * What {@link #CURRENCY} needs besides a currency sign: an ASCII digit followed, after at most one whitespace, by
     * the first letter of a unit (p, ppm, gbp, usd, pound, dollar, cent).
     */
    private static boolean mayHaveAmount(String lower) {
        int n = lower.length();
        for (int i = 0; i < n - 1; i++) {
            char ch = lower.charAt(i);
            if (ch < '0' || ch > '9') {
                continue;
            }
            char next = lower.charAt(i + 1);
            if (isUnitStart(next) || (isRegexSpace(next) && i + 2 < n && isUnitStart(lower.charAt(i + 2)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnitStart(char ch) {
        return ch == 'p' || ch == 'g' || ch == 'u' || ch == 'd' || ch == 'c';
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
        String u = WHITESPACE.matcher(url).replaceAll("");
        boolean scheme = u.startsWith("http://") || u.startsWith("https://");
        sink.begin(G_OTHER, 'u').feed(scheme ? "scheme" : (u.startsWith("www.") ? "www" : "bare")).end();
        String rest = LEADING_WWW.matcher(LEADING_SCHEME.matcher(u).replaceFirst("")).replaceFirst("");
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
        String p1 = PATH_SEPARATOR.split(path, 2)[0];
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
            if (Ascii.isLetter(ch)) {
                letters++;
                if (Ascii.isUpperCase(ch)) {
                    upper++;
                }
            } else if (Ascii.isDigit(ch)) {
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
        if (money || (digits > 0 && mayHaveAmount(lower) && CURRENCY.matcher(lower).find())) {
            sink.begin(G_OTHER, 's').feed("currency").end();
        }
    }

    private static char bucket(int n) {
        // 0, 1, 2-3, 4-7, 8-15, ... as '0' + bit length
        return (char) ('0' + (n == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(n)));
    }

    /**
     * Lowercase word tokens of a text: runs of letters/digits, apostrophes dropped; a number of 5 or more digits
     * becomes the shape {@code #numN} (N its length, at most 12). Kept as offsets into one buffer, not as strings.
     */
    private static final class Tokens {
        private char[] chars = new char[256];
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        /** 0, or the N of {@code #numN} for a long number. */
        private int[] shapes = new int[64];
        int count;

        Tokens of(String lower) {
            count = 0;
            int n = lower.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            int length = 0;
            int start = 0;
            boolean allDigits = true;
            for (int i = 0; i <= n; i++) {
                char ch = i < n ? lower.charAt(i) : ' ';
                if (Ascii.isLetterOrDigit(ch)) {
                    allDigits &= Ascii.isDigit(ch);
                    chars[length++] = ch;
                } else if (ch == '\'' || ch == '\u2019') {
                    continue; // don't -> dont (an apostrophe between tokens is no token either)
                } else if (length > start) {
                    add(start, length, allDigits && length - start >= 5 ? Math.min(length - start, 12) : 0);
                    start = length;
                    allDigits = true;
                }
            }
            return this;
        }

        private void add(int start, int end, int shape) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                shapes = Arrays.copyOf(shapes, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            shapes[count++] = shape;
        }

        /** Feeds token {@code t} as its feature name has it. */
        Sink feed(Sink sink, int t) {
            int shape = shapes[t];
            if (shape == 0) {
                return sink.feed(chars, starts[t], ends[t]);
            }
            sink.feed('#').feed('n').feed('u').feed('m');
            if (shape >= 10) {
                sink.feed('1');
            }
            return sink.feed((char) ('0' + shape % 10));
        }

        /** Lets go of buffers a very long text made large. */
        void trim() {
            if (chars.length > Scratch.KEEP_CHARS) {
                chars = new char[256];
            }
            if (starts.length > Scratch.KEEP_CHARS) {
                starts = new int[64];
                ends = new int[64];
                shapes = new int[64];
            }
        }
    }

    /** What one thread reuses from one extraction to the next. */
    private static final class Scratch {
        /**
         * Buffers grown for a text longer than this (a very long comment) are dropped after use rather than kept for
         * good: what a thread keeps stays around a megabyte at most.
         */
        static final int KEEP_CHARS = 1 << 13;
        /** Keys kept room for: three character n-grams and about one word feature per character. */
        static final int KEEP_KEYS = 4 * KEEP_CHARS;

        final HashingSink sink = new HashingSink();
        final Tokens tokens = new Tokens();
        /** The normalised text of the character n-grams. */
        char[] chars = new char[256];

        /** Collapses whitespace, folds digits to 0, pads with spaces, into {@link #chars}; returns the length. */
        int charNormalise(String lower) {
            if (chars.length < lower.length() + 2) {
                chars = new char[Math.max(lower.length() + 2, chars.length * 2)];
            }
            char[] out = chars;
            int n = 0;
            out[n++] = ' ';
            boolean space = true;
            for (int i = 0; i < lower.length(); i++) {
                char ch = lower.charAt(i);
                if (Ascii.isWhitespace(ch)) {
                    if (!space) {
                        out[n++] = ' ';
                        space = true;
                    }
                } else {
                    out[n++] = Ascii.isDigit(ch) ? '0' : ch;
                    space = false;
                }
            }
            if (!space) {
                out[n++] = ' ';
            }
            return n;
        }

        void reset() {
            sink.reset();
            tokens.trim();
            if (chars.length > KEEP_CHARS) {
                chars = new char[256];
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * {@link Character}'s classes of a UTF-16 unit, read from a table for ASCII (most of what is written) and asked of
     * {@link Character} for the rest; the table is filled from {@link Character} itself, so both always agree.
     */
    private static final class Ascii {
        private static final int LETTER = 1;
        private static final int UPPER = 2;
        private static final int DIGIT = 4;
        private static final int WHITESPACE = 8;
        private static final byte[] CLASSES = new byte[128];

        static {
            for (char ch = 0; ch < 128; ch++) {
                CLASSES[ch] = (byte) ((Character.isLetter(ch) ? LETTER : 0) | (Character.isUpperCase(ch) ? UPPER : 0)
                        | (Character.isDigit(ch) ? DIGIT : 0) | (Character.isWhitespace(ch) ? WHITESPACE : 0));
            }
        }

        static boolean isLetter(char ch) {
            return ch < 128 ? (CLASSES[ch] & LETTER) != 0 : Character.isLetter(ch);
        }

        static boolean isUpperCase(char ch) {
            return ch < 128 ? (CLASSES[ch] & UPPER) != 0 : Character.isUpperCase(ch);
        }

        static boolean isDigit(char ch) {
            return ch < 128 ? (CLASSES[ch] & DIGIT) != 0 : Character.isDigit(ch);
        }

        static boolean isLetterOrDigit(char ch) {
            return ch < 128 ? (CLASSES[ch] & (LETTER | DIGIT)) != 0 : Character.isLetterOrDigit(ch);
        }

        static boolean isWhitespace(char ch) {
            return ch < 128 ? (CLASSES[ch] & WHITESPACE) != 0 : Character.isWhitespace(ch);
        }
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

        Sink feed(char[] s, int from, int to);

        Sink feed(char c);

        void end();

        default Sink feed(CharSequence s) {
            return feed(s, 0, s.length());
        }

        /** All character n-grams of s[0, len) with min <= n <= max, each as one feature. */
        default void charGrams(int group, char prefix, char[] s, int len, int min, int max) {
            for (int i = 0; i < len; i++) {
                for (int n = min; n <= max && i + n <= len; n++) {
                    begin(group, prefix).feed(s, i, i + n).end();
                }
            }
        }
    }

    /**
     * Hashes each feature name on the fly (FNV-1a over UTF-16 units + murmur finaliser). Reused by one thread:
     * {@link #reset} after each vector.
     */
    private static final class HashingSink implements Sink {
        private final long[][] keys = {new long[512], new long[64], new long[32]};
        private final int[] sizes = new int[3];
        private int group;
        private long h;
        /** Open addressing set of the keys seen (0 = empty), zeroed again after each vector. */
        private long[] seen = new long[1024];
        /** Where each distinct key went in {@link #seen}, and the distinct keys in order. */
        private int[] slots = new int[512];
        private long[] unique = new long[512];

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
        public Sink feed(char[] s, int from, int to) {
            long x = h;
            for (int i = from; i < to; i++) {
                x = (x ^ s[i]) * FNV_PRIME;
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
        public void charGrams(int g, char prefix, char[] s, int len, int min, int max) {
            // FNV-1a is sequential: the state after n characters is the hash of the n-gram
            long start = (SEED ^ prefix) * FNV_PRIME;
            int needed = sizes[g] + Math.max(0, len - min + 1) * Math.max(0, max - min + 1);
            if (keys[g].length < needed) {
                keys[g] = Arrays.copyOf(keys[g], Math.max(needed, keys[g].length * 2));
            }
            long[] out = keys[g];
            int size = sizes[g];
            for (int i = 0; i + min <= len; i++) {
                long x = start;
                int end = Math.min(len, i + max);
                for (int j = i; j < end; j++) {
                    x = (x ^ s[j]) * FNV_PRIME;
                    if (j - i + 1 >= min) {
                        out[size++] = fmix(x);
                    }
                }
            }
            sizes[g] = size;
            group = g;
        }

        @Override
        public void end() {
            long[] a = keys[group];
            if (sizes[group] == a.length) {
                a = keys[group] = Arrays.copyOf(a, a.length * 2);
            }
            a[sizes[group]++] = fmix(h);
        }

        void reset() {
            sizes[0] = 0;
            sizes[1] = 0;
            sizes[2] = 0;
            for (int g = 0; g < 3; g++) {
                if (keys[g].length > Scratch.KEEP_KEYS) {
                    keys[g] = new long[g == 0 ? 512 : 64];
                }
            }
            if (seen.length > 2 * Scratch.KEEP_KEYS || slots.length > Scratch.KEEP_KEYS) {
                seen = new long[1024];
                slots = new int[512];
                unique = new long[512];
            }
        }

        /** The distinct keys, by group (char, word, other) and first appearance, with their scaled values. */
        Vector vector(Config c) {
            int total = sizes[0] + sizes[1] + sizes[2];
            if (seen.length < 2 * total) {
                seen = new long[Integer.highestOneBit(Math.max(8, total * 2 - 1)) << 1];
            }
            if (slots.length < total) {
                slots = new int[Math.max(total, slots.length * 2)];
                unique = new long[slots.length];
            }
            long[] table = seen; // open addressing; 0 = empty (a zero key is dropped: p ~ 2^-64)
            int mask = table.length - 1;
            long[] k = unique;
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
                        slots[m] = i;
                        k[m++] = key;
                        counts[g]++;
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                table[slots[i]] = 0;
            }
            double[] gw = {c.charWeight(), c.wordWeight(), c.otherWeight()};
            double norm2 = 0;
            for (int g = 0; g < 3; g++) {
                if (counts[g] > 0) {
                    norm2 += gw[g] * gw[g];
                }
            }
            double norm = Math.sqrt(norm2);
            double[] v = new double[m];
            int from = 0;
            for (int g = 0; g < 3; g++) {
                double per = counts[g] == 0 ? 0 : gw[g] / Math.sqrt(counts[g]) / norm;
                Arrays.fill(v, from, from + counts[g], per);
                from += counts[g];
            }
            return new Vector(Arrays.copyOf(k, m), v);
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
        public Sink feed(char[] s, int from, int to) {
            hashing.feed(s, from, to);
            name.append(s, from, to - from);
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
