package io.commentflow.posts.post;

import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plain text as a blog shows it: blank lines separate paragraphs, single line breaks stay line breaks.
 * Templates render the lines with {@code th:text}; {@link #toHtml} escapes everything for JSON consumers.
 */
public final class Paragraphs {

    private Paragraphs() {
    }

    /** The paragraphs of a text, each as its lines, without blank ones. */
    public static List<List<String>> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<List<String>> paragraphs = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            List<String> lines = Arrays.stream(block.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (!lines.isEmpty()) {
                paragraphs.add(lines);
            }
        }
        return List.copyOf(paragraphs);
    }

    /** {@code <p>} per paragraph, {@code <br>} between lines, every character of the text escaped. */
    public static String toHtml(String text) {
        return of(text).stream()
                .map(lines -> lines.stream().map(HtmlUtils::htmlEscape).collect(Collectors.joining("<br>\n", "<p>", "</p>")))
                .collect(Collectors.joining("\n"));
    }
}
