package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.SubmissionSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Submitted comments made of the shipped YouTube comments as they are stored there (HTML-ish: {@code <br />}, links,
 * entities), which is close to the sanitised HTML intake writes, for the benchmark harnesses.
 */
public final class CorpusComments {

    private static final List<String> FILES = List.of("Youtube01-Psy.csv", "Youtube02-KatyPerry.csv",
            "Youtube03-LMFAO.csv", "Youtube04-Eminem.csv", "Youtube05-Shakira.csv");

    /** {@code CONTENT} and {@code AUTHOR} of every shipped YouTube comment, in file order. */
    public record Raw(String content, String author) {
    }

    private CorpusComments() {
    }

    public static List<Raw> raw() {
        List<Raw> out = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        for (String file : FILES) {
            try (InputStream in = CorpusComments.class.getResourceAsStream("/spam-corpus/youtube/" + file);
                 Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                 CSVParser parser = format.parse(reader)) {
                for (CSVRecord row : parser) {
                    out.add(new Raw(row.get("CONTENT"), row.get("AUTHOR")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The {@code i}-th comment of a run: the corpus' texts in turn, each from an author of its own. */
    public static CommentSubmitted submitted(List<Raw> corpus, long i) {
        Raw raw = corpus.get((int) (i % corpus.size()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return CommentSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCommentId(UUID.randomUUID())
                .setPostId(UUID.nameUUIDFromBytes(("post-" + i % 97).getBytes(StandardCharsets.UTF_8)))
                .setAuthor(CommentAuthor.newBuilder()
                        .setName(raw.author())
                        .setEmail("reader-" + i + "@example.org")
                        .setUrl(i % 3 == 0 ? "https://reader-" + i + ".example.org" : null)
                        .setIp("198.51.100." + i % 250)
                        .setUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
                        .build())
                .setContent(raw.content())
                .setNotifyFollowups(i % 2 == 0)
                .setSubmittedAt(now)
                .setSource(SubmissionSource.FORM)
                .build();
    }
}
