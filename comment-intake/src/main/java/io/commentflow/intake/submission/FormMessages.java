package io.commentflow.intake.submission;

/** The sentences the form's error page shows, naming fields as the person filling the form knows them. */
final class FormMessages {

    private FormMessages() {
    }

    static String of(FieldProblem problem) {
        return problem.field().label() + " (" + problem.field().formName() + ") " + problem.message() + ".";
    }

    static String malformed(String field, String message) {
        return "The field " + field + " " + message + ".";
    }

    static String tooLarge(long limit) {
        return "Your comment is too long: the form may send at most " + limit + " bytes.";
    }
}
