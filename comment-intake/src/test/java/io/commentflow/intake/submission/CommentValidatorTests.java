package io.commentflow.intake.submission;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CommentValidatorTests {

    private static final String POST = "6f1c4a1e-8a8b-4b4e-9c57-0d6c1f0e2a11";
    private static final String PARENT = "0a3b9a8f-5b3d-4d7e-8f0a-1b2c3d4e5f60";

    private final CommentValidator validator = new CommentValidator(CommentLimits.WORDPRESS);

    @Test
    void acceptsACompleteCommentAndNormalisesIt() {
        Validation result = validator.validate(new CommentDraft(POST, PARENT, "  Ada Lovelace ", "ada@example.org",
                "https://ada.example.org/", " Lovely engine. ", true));

        assertThat(result).isInstanceOf(Validation.Valid.class);
        ValidComment comment = ((Validation.Valid) result).comment();
        assertThat(comment.postId()).isEqualTo(UUID.fromString(POST));
        assertThat(comment.parentId()).isEqualTo(UUID.fromString(PARENT));
        assertThat(comment.authorName()).isEqualTo("Ada Lovelace");
        assertThat(comment.authorUrl()).isEqualTo("https://ada.example.org/");
        assertThat(comment.content()).isEqualTo("Lovely engine.");
        assertThat(comment.notifyFollowups()).isTrue();
    }

    @Test
    void treatsZeroEmptyAndAbsentParentAsTopLevel() {
        for (String parent : new String[] {null, "", "0", " 0 "}) {
            Validation result = validator.validate(draft(POST, parent, "Ada", "ada@example.org", null, "Hi"));
            assertThat(((Validation.Valid) result).comment().parentId()).as("parent %s", parent).isNull();
        }
    }

    @Test
    void namesEveryMissingRequiredField() {
        Validation result = validator.validate(draft(null, null, " ", "", null, "\n\t"));

        assertThat(fields(result)).containsExactly(CommentField.POST, CommentField.AUTHOR_NAME,
                CommentField.AUTHOR_EMAIL, CommentField.CONTENT);
        assertThat(((Validation.Invalid) result).problems()).allMatch(p -> p.message().equals("is required"));
    }

    @Test
    void rejectsIdsThatAreNotUuids() {
        Validation result = validator.validate(draft("123", "1-1-1-1-1", "Ada", "ada@example.org", null, "Hi"));

        assertThat(fields(result)).containsExactly(CommentField.POST, CommentField.PARENT);
    }

    @Test
    void rejectsMalformedEmailAddresses() {
        for (String email : new String[] {"ada", "ada@", "@example.org", "ada@example", "ada@@example.org",
                "ada example@example.org", "ada@exa_mple.org", ".ada@example.org", "ada..l@example.org"}) {
            assertThat(fields(validator.validate(draft(POST, null, "Ada", email, null, "Hi"))))
                    .as(email).containsExactly(CommentField.AUTHOR_EMAIL);
        }
    }

    @Test
    void acceptsOrdinaryEmailAddresses() {
        for (String email : new String[] {"ada@example.org", "ada.lovelace+blog@mail.example.co.uk", "a@b.io"}) {
            assertThat(validator.validate(draft(POST, null, "Ada", email, null, "Hi")))
                    .as(email).isInstanceOf(Validation.Valid.class);
        }
    }

    @Test
    void acceptsOnlyHttpAndHttpsWebsites() {
        assertThat(fields(validator.validate(draft(POST, null, "Ada", "ada@example.org", "javascript:alert(1)", "Hi"))))
                .containsExactly(CommentField.AUTHOR_URL);
        assertThat(fields(validator.validate(draft(POST, null, "Ada", "ada@example.org", "ftp://example.org", "Hi"))))
                .containsExactly(CommentField.AUTHOR_URL);
        assertThat(fields(validator.validate(draft(POST, null, "Ada", "ada@example.org", "http:///nohost", "Hi"))))
                .containsExactly(CommentField.AUTHOR_URL);
    }

    @Test
    void givesASchemeLessWebsiteHttpLikeWordPress() {
        Validation result = validator.validate(draft(POST, null, "Ada", "ada@example.org", "ada.example.org", "Hi"));

        assertThat(((Validation.Valid) result).comment().authorUrl()).isEqualTo("http://ada.example.org");
    }

    @Test
    void enforcesWordPressLengthLimitsInCharacters() {
        String name245 = "é".repeat(245);
        assertThat(validator.validate(draft(POST, null, name245, "ada@example.org", null, "Hi")))
                .isInstanceOf(Validation.Valid.class);
        assertThat(fields(validator.validate(draft(POST, null, name245 + "x", "ada@example.org", null, "Hi"))))
                .containsExactly(CommentField.AUTHOR_NAME);

        String email101 = "a".repeat(60) + "@" + "b".repeat(36) + ".org";
        assertThat(fields(validator.validate(draft(POST, null, "Ada", email101, null, "Hi"))))
                .containsExactly(CommentField.AUTHOR_EMAIL);

        String url201 = "https://example.org/" + "p".repeat(181);
        assertThat(fields(validator.validate(draft(POST, null, "Ada", "ada@example.org", url201, "Hi"))))
                .containsExactly(CommentField.AUTHOR_URL);
    }

    @Test
    void measuresContentInUtf8Bytes() {
        String fits = "€".repeat(65_525 / 3);          // 3 bytes each: 65,523 bytes
        String tooBig = "€".repeat(65_525 / 3 + 1);    // 65,526 bytes, though only 21,842 characters

        assertThat(validator.validate(draft(POST, null, "Ada", "ada@example.org", null, fits)))
                .isInstanceOf(Validation.Valid.class);
        Validation result = validator.validate(draft(POST, null, "Ada", "ada@example.org", null, tooBig));
        assertThat(fields(result)).containsExactly(CommentField.CONTENT);
        assertThat(((Validation.Invalid) result).problems().get(0).message()).contains("65525 bytes");
    }

    @Test
    void rejectsControlCharactersInTheName() {
        assertThat(fields(validator.validate(draft(POST, null, "Ada\r\nBcc: x", "ada@example.org", null, "Hi"))))
                .containsExactly(CommentField.AUTHOR_NAME);
    }

    @Test
    void sanitisesContentToTheCommenterAllowlist() {
        Validation result = validator.validate(draft(POST, null, "Ada", "ada@example.org", null,
                "<p>See <a href=\"https://example.org\" onclick=\"x()\">this</a></p><script>steal()</script>"));

        assertThat(((Validation.Valid) result).comment().content())
                .isEqualTo("See <a href=\"https://example.org\" rel=\"nofollow ugc\">this</a>");
    }

    @Test
    void refusesContentThatIsEmptyOnceSanitised() {
        Validation result = validator.validate(draft(POST, null, "Ada", "ada@example.org", null,
                "<script>alert(1)</script>"));

        assertThat(fields(result)).containsExactly(CommentField.CONTENT);
        assertThat(((Validation.Invalid) result).problems().get(0).message()).contains("no text");
    }

    @Test
    void normalisesEveryTextFieldToNfcAndDropsControlCharactersFromContent() {
        Validation result = validator.validate(draft(POST, null, "Jose\u0301", "ada@example.org", null,
                "Cafe\u0301\u0000 au lait\u001b"));

        ValidComment comment = ((Validation.Valid) result).comment();
        assertThat(comment.authorName()).isEqualTo("José");
        assertThat(comment.content()).isEqualTo("Café au lait");
    }

    private static CommentDraft draft(String post, String parent, String name, String email, String url,
                                      String content) {
        return new CommentDraft(post, parent, name, email, url, content, false);
    }

    private static java.util.List<CommentField> fields(Validation result) {
        assertThat(result).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) result).problems().stream().map(FieldProblem::field).toList();
    }
}
