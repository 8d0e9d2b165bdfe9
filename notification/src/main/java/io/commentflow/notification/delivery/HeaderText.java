package io.commentflow.notification.delivery;

/**
 * Makes untrusted text safe to put into a mail header: line breaks (CR, LF, NEL, the Unicode line and
 * paragraph separators) and every other control character become a space, so a name or a title can
 * never start a header of its own ("Bcc: ..."). Runs of whitespace collapse to one space.
 */
public final class HeaderText {

    private HeaderText() {
    }

    public static String singleLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    || cp == 0x2028 || cp == 0x2029) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
