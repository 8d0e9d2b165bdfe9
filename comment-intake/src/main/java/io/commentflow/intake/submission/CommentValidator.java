package io.commentflow.intake.submission;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a comment the way WordPress does before it is accepted: required fields, sizes, email and URL syntax; and
 * normalises it (NFC everywhere, content sanitised to the commenter HTML allowlist by {@link ContentSanitizer}).
 * Plain Java, shared by the JSON API and the form endpoint so both refuse exactly the same input.
 */
final class CommentValidator {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    // dot-atom local part and a host name whose last label starts with a letter, like WordPress's is_email()
    private static final Pattern EMAIL = Pattern.compile(
            "(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final CommentLimits limits;

    CommentValidator(CommentLimits limits) {
        this.limits = limits;
    }

    Validation validate(CommentDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        UUID post = post(draft.post(), problems);
        UUID parent = parent(draft.parent(), problems);
        String name = name(draft.authorName(), problems);
        String email = email(draft.authorEmail(), problems);
        String url = url(draft.authorUrl(), problems);
        String content = content(draft.content(), problems);
        if (!problems.isEmpty()) {
            return new Validation.Invalid(List.copyOf(problems));
        }
        return new Validation.Valid(new ValidComment(post, parent, name, email, url, content, draft.notifyFollowups()));
    }

    private static UUID post(String value, List<FieldProblem> problems) {
        String post = trimmed(value);
        if (post.isEmpty()) {
            problems.add(new FieldProblem(CommentField.POST, "is required"));
            return null;
        }
        if (!UUID_TEXT.matcher(post).matches()) {
            problems.add(new FieldProblem(CommentField.POST, "must be the id (a UUID) of a post"));
            return null;
        }
        return UUID.fromString(post);
    }

    /** WordPress sends 0 for "not a reply"; absent, empty and null mean the same. */
    private static UUID parent(String value, List<FieldProblem> problems) {
        String parent = trimmed(value);
        if (parent.isEmpty() || parent.equals("0")) {
            return null;
        }
        if (!UUID_TEXT.matcher(parent).matches()) {
            problems.add(new FieldProblem(CommentField.PARENT, "must be the id (a UUID) of a comment, or 0"));
            return null;
        }
        return UUID.fromString(parent);
    }

    private String name(String value, List<FieldProblem> problems) {
        String name = trimmed(value);
        if (name.isEmpty()) {
            problems.add(new FieldProblem(CommentField.AUTHOR_NAME, "is required"));
        } else if (CONTROL.matcher(name).find()) {
            problems.add(new FieldProblem(CommentField.AUTHOR_NAME, "must not contain control characters"));
        } else if (chars(name) > limits.nameMaxChars()) {
            problems.add(tooLong(CommentField.AUTHOR_NAME, limits.nameMaxChars()));
        }
        return name;
    }

    private String email(String value, List<FieldProblem> problems) {
        String email = trimmed(value);
        if (email.isEmpty()) {
            problems.add(new FieldProblem(CommentField.AUTHOR_EMAIL, "is required"));
        } else if (chars(email) > limits.emailMaxChars()) {
            problems.add(tooLong(CommentField.AUTHOR_EMAIL, limits.emailMaxChars()));
        } else if (!EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem(CommentField.AUTHOR_EMAIL, "must be a valid email address"));
        }
        return email;
    }

    /** Optional; people type "example.com" into the Website field, so a missing scheme means http like WordPress. */
    private String url(String value, List<FieldProblem> problems) {
        String url = trimmed(value);
        if (url.isEmpty()) {
            return null;
        }
        if (!HAS_SCHEME.matcher(url).find()) {
            url = "http://" + url;
        }
        if (chars(url) > limits.urlMaxChars()) {
            problems.add(tooLong(CommentField.AUTHOR_URL, limits.urlMaxChars()));
        } else if (!isWebUrl(url)) {
            problems.add(new FieldProblem(CommentField.AUTHOR_URL, "must be an http or https URL"));
        }
        return url;
    }

    /** Measured as it will be stored: after sanitising, in UTF-8 bytes like WordPress's column. */
    private String content(String value, List<FieldProblem> problems) {
        String raw = trimmed(value);
        if (raw.isEmpty()) {
            problems.add(new FieldProblem(CommentField.CONTENT, "is required"));
            return raw;
        }
        String content = ContentSanitizer.sanitize(raw);
        if (!ContentSanitizer.hasText(content)) {
            problems.add(new FieldProblem(CommentField.CONTENT, "has no text once disallowed HTML is removed"));
        } else if (content.getBytes(StandardCharsets.UTF_8).length > limits.contentMaxBytes()) {
            problems.add(new FieldProblem(CommentField.CONTENT,
                    "must be at most " + limits.contentMaxBytes() + " bytes (UTF-8)"));
        }
        return content;
    }

    private static boolean isWebUrl(String url) {
        if (CONTROL.matcher(url).find()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static FieldProblem tooLong(CommentField field, int max) {
        return new FieldProblem(field, "must be at most " + max + " characters");
    }

    private static int chars(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Trimmed, in Unicode NFC, without unpaired surrogates (JSON escapes can make them). */
    private static String trimmed(String value) {
        if (value == null) {
            return "";
        }
        return Normalizer.normalize(ContentSanitizer.withoutLoneSurrogates(value), Normalizer.Form.NFC).strip();
    }
}
