package io.commentflow.spamfilter.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Loaders for the two labeled corpora.
 *
 * <p>YouTube Spam Collection CSV: header {@code COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS}, RFC-4180
 * quoting (a quoted value may span lines), CLASS 1 = spam, 0 = ham. Only CONTENT and AUTHOR are
 * read: COMMENT_ID and DATE leak the label in this corpus and are deliberately dropped here so no
 * caller can learn from them.
 *
 * <p>SMS Spam Collection: one message per line, {@code ham|spam<TAB>text}, no header.
 */
public final class CorpusLoader {

    private static final CSVFormat YOUTUBE = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private CorpusLoader() {
    }

    /** Reads every {@code *.csv} file in the directory (sorted by name) in the YouTube format. */
    public static List<LabeledText> loadYouTubeDir(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no *.csv files in " + dir);
        }
        List<LabeledText> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(loadYouTubeCsv(f));
        }
        return all;
    }

    public static List<LabeledText> loadYouTubeCsv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return loadYouTubeCsv(r);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<LabeledText> loadYouTubeCsv(Reader in) throws IOException {
        // a BOM at the start of the file would otherwise become part of the first header name
        BufferedReader br = in instanceof BufferedReader b ? b : new BufferedReader(in);
        br.mark(1);
        int first = br.read();
        if (first != '\uFEFF' && first != -1) {
            br.reset();
        }
        List<LabeledText> out = new ArrayList<>();
        try (CSVParser parser = YOUTUBE.parse(br)) {
            for (String col : List.of("AUTHOR", "CONTENT", "CLASS")) {
                if (!parser.getHeaderMap().containsKey(col)) {
                    throw new IOException("missing column " + col + " in header " + parser.getHeaderNames());
                }
            }
            for (CSVRecord rec : parser) {
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                String content = TextCleaner.htmlToText(rec.get("CONTENT"));
                String author = TextCleaner.htmlToText(rec.get("AUTHOR"));
                String cls = rec.get("CLASS").strip();
                boolean spam = switch (cls) {
                    case "1" -> true;
                    case "0" -> false;
                    default -> throw new IOException("line " + parser.getCurrentLineNumber() + ": CLASS must be 0 or 1, was '" + cls + "'");
                };
                out.add(new LabeledText(content, author == null || author.isBlank() ? null : author, spam));
            }
        }
        return out;
    }

    public static List<LabeledText> loadSms(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return loadSms(r);
        }
    }

    public static List<LabeledText> loadSms(Reader in) throws IOException {
        BufferedReader br = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<LabeledText> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = br.readLine()) != null) {
            n++;
            line = TextCleaner.stripBom(line);
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IOException("line " + n + ": expected 'ham|spam<TAB>text'");
            }
            String label = line.substring(0, tab).strip();
            boolean spam = switch (label) {
                case "spam" -> true;
                case "ham" -> false;
                default -> throw new IOException("line " + n + ": label must be ham or spam, was '" + label + "'");
            };
            String text = StringEscapeUtils.unescapeHtml4(line.substring(tab + 1)).strip();
            out.add(new LabeledText(text, null, spam));
        }
        return out;
    }

    /** Convenience for tests. */
    public static List<LabeledText> loadYouTubeCsv(String csv) throws IOException {
        return loadYouTubeCsv(new StringReader(csv));
    }
}
