package io.commentflow.spamfilter.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labeled data the filter ships with: the development split of the YouTube Spam Collection
 * (comments) and of the SMS Spam Collection. Loaded from a directory laid out like
 * {@code shared/data/spam-corpus} ({@code youtube/*.csv}, {@code sms/SMSSpamCollection}) or from
 * the classpath under {@code /spam-corpus/} with the same layout.
 */
public record TrainingData(List<LabeledText> comments, List<LabeledText> sms) {

    static final List<String> YOUTUBE_FILES = List.of(
            "Youtube01-Psy.csv", "Youtube02-KatyPerry.csv", "Youtube03-LMFAO.csv",
            "Youtube04-Eminem.csv", "Youtube05-Shakira.csv");

    public static TrainingData fromDirectory(Path dir) throws IOException {
        return new TrainingData(CorpusLoader.loadYouTubeDir(dir.resolve("youtube")),
                CorpusLoader.loadSms(dir.resolve("sms").resolve("SMSSpamCollection")));
    }

    /** Reads {@code /spam-corpus/youtube/Youtube0N-*.csv} and {@code /spam-corpus/sms/SMSSpamCollection}. */
    public static TrainingData fromClasspath() throws IOException {
        List<LabeledText> comments = new ArrayList<>();
        for (String f : YOUTUBE_FILES) {
            try (Reader r = resource("/spam-corpus/youtube/" + f)) {
                comments.addAll(CorpusLoader.loadYouTubeCsv(r));
            }
        }
        try (Reader r = resource("/spam-corpus/sms/SMSSpamCollection")) {
            return new TrainingData(comments, CorpusLoader.loadSms(r));
        }
    }

    /** What the project ships: the copies under {@code src/main/resources/spam-corpus}. */
    public static TrainingData load() throws IOException {
        return fromClasspath();
    }

    private static Reader resource(String name) throws IOException {
        InputStream in = TrainingData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing classpath resource " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
