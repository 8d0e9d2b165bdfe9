package io.commentflow.spamfilter.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLoaderTests {

    private static final String HEADER = "COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\n";

    @Test
    void readsQuotedValuesWithCommasAndDoubledQuotes() throws IOException {
        List<LabeledText> rows = CorpusLoader.loadYouTubeCsv(HEADER
                + "LZQPQhLyRh80UYxNuaDWhIGQYNQ96IuCg-AYWqNPjpU,Julius NM,2013-11-07T06:20:48,\"Huh, anyway check out this you[tube] channel: kobyoshi02\",1\n"
                + "z13ttt1jcraqexk2o234ghbgzxymz1zzi04,\"Smith, Jo\",,\"She said \"\"wow\"\", twice\",0\n");
        assertEquals(2, rows.size());
        assertEquals(new LabeledText("Huh, anyway check out this you[tube] channel: kobyoshi02", "Julius NM", true), rows.get(0));
        assertEquals(new LabeledText("She said \"wow\", twice", "Smith, Jo", false), rows.get(1));
    }

    @Test
    void aQuotedValueMaySpanTwoLines() throws IOException {
        List<LabeledText> rows = CorpusLoader.loadYouTubeCsv(HEADER
                + "id1,Ann,2014-01-01T00:00:00,\"first line\nsecond line\",0\n"
                + "id2,Bob,2014-01-01T00:00:01,after,1\n");
        assertEquals(2, rows.size());
        assertEquals("first line\nsecond line", rows.get(0).text());
        assertEquals("after", rows.get(1).text());
        assertTrue(rows.get(1).spam());
    }

    @Test
    void stripsByteOrderMarksInContentAndAtFileStart() throws IOException {
        List<LabeledText> rows = CorpusLoader.loadYouTubeCsv("\uFEFF" + HEADER
                + "z13fwbwp1oujthgqj04chlngpvzmtt3r3dw,GsMega,2013-11-10T16:05:38,watch?v=vtaRGgvGtWQ   Check this out .\uFEFF,1\n");
        assertEquals("watch?v=vtaRGgvGtWQ   Check this out .", rows.get(0).text());
        assertFalse(rows.get(0).text().contains("\uFEFF"));
    }

    @Test
    void decodesHtmlEntitiesLineBreaksAndLinks() throws IOException {
        List<LabeledText> rows = CorpusLoader.loadYouTubeCsv(HEADER
                + "a,A,,I&#39;m here &amp; there<br />next line,0\n"
                + "b,B,,\"<a href=\"\"http://www.youtube.com/watch?v=KQ6zr6kCPj8&amp;t=2m19s\"\">2:19</a> best part\",0\n"
                + "c,C,,&lt;3 &quot;quoted&quot;,0\n");
        assertEquals("I'm here & there\nnext line", rows.get(0).text());
        assertEquals("2:19 http://www.youtube.com/watch?v=KQ6zr6kCPj8&t=2m19s  best part", rows.get(1).text());
        assertEquals("<3 \"quoted\"", rows.get(2).text());
    }

    @Test
    void ignoresIdAndDateAndKeepsEmptyAuthorAsNull() throws IOException {
        // DATE presence predicts the label perfectly in one file of the corpus: it must not reach the model.
        List<LabeledText> withDate = CorpusLoader.loadYouTubeCsv(HEADER + "LneaDw1,X,2013-01-01T00:00:00,same text,1\n");
        List<LabeledText> withoutDate = CorpusLoader.loadYouTubeCsv(HEADER + "z999,X,,same text,1\n");
        assertEquals(withDate, withoutDate);
        assertNull(CorpusLoader.loadYouTubeCsv(HEADER + "id,,,text,0\n").get(0).author());
    }

    @Test
    void rejectsBadClassAndMissingColumns() {
        assertThrows(IOException.class, () -> CorpusLoader.loadYouTubeCsv(HEADER + "id,a,,text,2\n"));
        assertThrows(IOException.class, () -> CorpusLoader.loadYouTubeCsv("COMMENT_ID,AUTHOR,DATE,CLASS\nid,a,,1\n"));
    }

    @Test
    void readsSmsLines() throws IOException {
        List<LabeledText> rows = CorpusLoader.loadSms(new StringReader(
                "ham\tGo until jurong point, crazy..\n"
                        + "spam\tFree entry in 2 a wkly comp to win FA Cup final tkts\n"
                        + "\n"
                        + "ham\tI'll be there in &lt;#&gt; mins &amp; call\twith a tab\n"));
        assertEquals(3, rows.size());
        assertEquals(new LabeledText("Go until jurong point, crazy..", null, false), rows.get(0));
        assertTrue(rows.get(1).spam());
        assertEquals("I'll be there in <#> mins & call\twith a tab", rows.get(2).text());
    }

    @Test
    void rejectsBadSmsLines() {
        assertThrows(IOException.class, () -> CorpusLoader.loadSms(new StringReader("spam no tab here\n")));
        assertThrows(IOException.class, () -> CorpusLoader.loadSms(new StringReader("junk\ttext\n")));
    }

    @Test
    void loadsEveryCsvOfADirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.csv"), HEADER + "2,B,,second,1\n");
        Files.writeString(dir.resolve("a.csv"), HEADER + "1,A,,first,0\n");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        List<LabeledText> rows = CorpusLoader.loadYouTubeDir(dir);
        assertEquals(List.of("first", "second"), rows.stream().map(LabeledText::text).toList());
    }

    @Test
    void theShippedDevelopmentSplitHasTheDocumentedCounts() throws IOException {
        TrainingData d = TrainingData.fromClasspath();
        assertEquals(1370, d.comments().size());
        assertEquals(704, d.comments().stream().filter(LabeledText::spam).count());
        assertEquals(3902, d.sms().size());
        assertEquals(523, d.sms().stream().filter(LabeledText::spam).count());
        assertTrue(d.comments().stream().noneMatch(t -> t.text().contains("\uFEFF")));
        assertTrue(d.comments().stream().noneMatch(t -> t.text().contains("&#39;") || t.text().contains("<br")));
    }
}
