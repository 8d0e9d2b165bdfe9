package io.commentflow.intake.submission;

import org.springframework.web.util.HtmlUtils;

import java.net.URI;
import java.util.List;

/** The small HTML page WordPress shows when a comment form post fails, with a way back to the form. */
final class FormErrorPage {

    private FormErrorPage() {
    }

    static String render(String title, List<String> messages, URI backTo) {
        StringBuilder html = new StringBuilder(512)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width\">\n<title>")
                .append(HtmlUtils.htmlEscape(title))
                .append("</title>\n</head>\n<body id=\"error-page\">\n<h1>")
                .append(HtmlUtils.htmlEscape(title))
                .append("</h1>\n<ul>\n");
        for (String message : messages) {
            html.append("<li><strong>Error:</strong> ").append(HtmlUtils.htmlEscape(message)).append("</li>\n");
        }
        html.append("</ul>\n<p><a href=\"javascript:history.back()\">&laquo; Back</a>");
        if (backTo != null) {
            html.append(" &middot; <a href=\"").append(HtmlUtils.htmlEscape(backTo.toString()))
                    .append("\">Return to the post</a>");
        }
        return html.append("</p>\n</body>\n</html>\n").toString();
    }
}
