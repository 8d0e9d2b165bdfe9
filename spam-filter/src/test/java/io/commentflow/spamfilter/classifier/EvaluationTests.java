package io.commentflow.spamfilter.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTests {

    private static final String HEADER = "COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\n";

    /** Lays out a tiny corpus like shared/data/spam-corpus. */
    private static Path corpus(Path root) throws IOException {
        Files.createDirectories(root.resolve("youtube"));
        Files.createDirectories(root.resolve("sms"));
        Files.writeString(root.resolve("youtube/Youtube01-Test.csv"), HEADER
                + "1,Promo,,check out my channel and subscribe http://spam.example.com,1\n"
                + "2,,,\"subscribe to my channel, free gift cards\",1\n"
                + "3,Ann,2014-01-01T00:00:00,love this song so much,0\n"
                + "4,Bob,2014-01-01T00:00:00,her voice is amazing in the chorus,0\n");
        Files.writeString(root.resolve("sms/SMSSpamCollection"),
                "spam\tWINNER! call 09061701461 to claim your £900 prize\n"
                        + "ham\tok see you at lunch\n"
                        + "ham\tim on the bus, home soon\n");
        return root;
    }

    @Test
    void jsonOutputIsExactlyOneObjectWithBothDataSets(@TempDir Path tmp) throws IOException {
        Path root = corpus(tmp);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = Evaluation.run(new String[]{"evaluate", "--youtube", root.resolve("youtube").toString(),
                "--sms", root.resolve("sms/SMSSpamCollection").toString(), "--json", "--train", root.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, rc);
        String json = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(json.startsWith("{\"youtube\": {\"accuracy\": ") && json.endsWith("}"), json);
        assertEquals(1, json.lines().count());
        for (String key : new String[]{"accuracy", "precision", "recall", "f1", "hamMarkedSpam", "hamHeld", "spamPassed"}) {
            assertEquals(2, json.split("\"" + key + "\": ", -1).length - 1, key);
        }
        assertTrue(json.contains("\"count\": 4}") && json.contains("\"sms\": {") && json.contains("\"count\": 3}"), json);
    }

    @Test
    void textOutputNamesEveryFigure(@TempDir Path tmp) throws IOException {
        Path root = corpus(tmp);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = Evaluation.run(new String[]{"evaluate", "--youtube", root.resolve("youtube").toString(), "--train", root.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, rc);
        String text = out.toString(StandardCharsets.UTF_8);
        for (String s : new String[]{"youtube", "accuracy", "precision", "recall", "F1", "ham marked SPAM", "ham held UNSURE", "spam passed as HAM"}) {
            assertTrue(text.contains(s), () -> s + " missing in\n" + text);
        }
    }

    @Test
    void badArgumentsGiveUsageAndExitCode2() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, Evaluation.run(new String[]{"evaluate"}, System.out, e));
        assertEquals(2, Evaluation.run(new String[]{"evaluate", "--bogus"}, System.out, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: evaluate"));
    }
}
