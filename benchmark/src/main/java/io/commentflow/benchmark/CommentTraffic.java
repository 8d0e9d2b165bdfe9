package io.commentflow.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comments for {@code POST /api/comments}, every one different, as if from many readers: each has its own email
 * address and its own client address in {@code X-Forwarded-For} (intake believes it only from a trusted proxy;
 * the benchmark starts intake trusting 127.0.0.1), so intake's flood guard (one comment per address and 15 s) and
 * duplicate check let them all through while still doing their work.
 */
final class CommentTraffic implements LoadGenerator.Requests {

    enum Kind { HAM, SPAM, UNSURE }

    /** Where a comment goes: a post and, for a reply, the comment it answers. */
    record Target(String postId, String parentId) {
        static Target post(String postId) {
            return new Target(postId, null);
        }
    }

    /** What was sent, carried as the request's tag. */
    record Sent(long index, Target target, Kind kind) {
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    /** One client address per comment across the whole run: 10.0.0.1, 10.0.0.2, ... (16 million of them). */
    private static final AtomicLong CLIENTS = new AtomicLong(1);

    private final String hostHeader;
    private final String prefix;
    private final LongFunction<Target> targets;
    private final boolean mixed;
    private final AtomicLong next = new AtomicLong();

    /**
     * @param mixed 8 in 10 comments ham, 1 spam (a disallowed word), 1 unsure (two links), as in the fault suite;
     *              otherwise all ham
     */
    CommentTraffic(String hostHeader, String run, String label, LongFunction<Target> targets, boolean mixed) {
        this.hostHeader = hostHeader;
        this.prefix = run + "-" + label;
        this.targets = targets;
        this.mixed = mixed;
    }

    @Override
    public LoadGenerator.Request next() {
        long i = next.getAndIncrement();
        Target target = targets.apply(i);
        Kind kind = mixed ? kindOf(i) : Kind.HAM;
        String json = "{\"post\":\"" + target.postId() + "\""
                + (target.parentId() == null ? "" : ",\"parent\":\"" + target.parentId() + "\"")
                + ",\"author_name\":\"Reader " + i + "\""
                + ",\"author_email\":\"reader-" + prefix + "-" + i + "@example.org\""
                + ",\"content\":\"" + content(kind, prefix, i) + "\""
                + ",\"notify_followups\":false}";
        String headers = "X-Forwarded-For: " + clientAddress(CLIENTS.getAndIncrement()) + "\r\n"
                + "User-Agent: commentflow-benchmark\r\n";
        return new LoadGenerator.Request(HttpConnection.postJson(hostHeader, "/api/comments", headers, json),
                new Sent(i, target, kind));
    }

    /** Sends {@code count} comments one after the other, waiting while intake does not know the post yet. */
    List<String> sendOneByOne(HttpConnection connection, int count) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            LoadGenerator.Request request = next();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                HttpConnection.Response response = connection.exchange(request.bytes(), true);
                if (response.status() == 202) {
                    ids.add(commentId(response));
                    break;
                }
                // 404 until intake's post catalog has the new post, 503 while it loads
                if ((response.status() != 404 && response.status() != 503) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("intake answered " + response.status() + ": " + response.bodyText());
                }
                Thread.sleep(200);
                request = next();
            }
        }
        return ids;
    }

    static String commentId(HttpConnection.Response response) {
        Matcher matcher = ID.matcher(response.bodyText());
        if (!matcher.find()) {
            throw new IllegalStateException("no comment id in " + response.bodyText());
        }
        return matcher.group(1);
    }

    static Kind kindOf(long i) {
        return switch ((int) (i % 10)) {
            case 3 -> Kind.SPAM;
            case 7 -> Kind.UNSURE;
            default -> Kind.HAM;
        };
    }

    /**
     * About 300 characters, the length of a typical blog comment; unique, so never a duplicate. The ham text is one
     * spam-filter's classifier scores well below its HAM threshold (0.10) whatever the tag (at most 0.075 over 400
     * random tags), so ham comments are published rather than held.
     */
    static String content(Kind kind, String prefix, long i) {
        String tag = prefix + "-" + i;
        return switch (kind) {
            case HAM -> "I agree with most of this. In our team the same thing happened when we moved the weekly "
                    + "meeting to the afternoon: fewer people came, but the discussions got better. Curious whether "
                    + "you saw the same with the newsletter. Note " + tag + ".";
            case SPAM -> "Great post! Visit our casino for the best bonus today, cheap viagra delivered overnight, "
                    + "no prescription needed, best prices guaranteed for all our readers, limited time offer. " + tag;
            case UNSURE -> "Interesting. There is a longer discussion at https://forum.example.net/t/meetups and a "
                    + "follow-up with numbers at https://blog.example.com/meetup-numbers, worth a look. " + tag;
        };
    }

    static String clientAddress(long n) {
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }
}
