package io.coupons.platform.web;

/**
 * What text the API accepts anywhere: no C0 control characters other than tab, line feed and
 * carriage return, no DEL, no unpaired surrogates. PostgreSQL cannot store NUL at all (a 500 from
 * the driver), and the others are never part of a code, an id or a name a person typed; refusing
 * them at the edge keeps every layer behind it from having to care.
 */
public final class InputText {

    private InputText() {
    }

    /** The index of the first refused character, or -1 when {@code text} is clean. */
    public static int firstRefused(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0x7F) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isClean(CharSequence text) {
        return firstRefused(text) < 0;
    }

    /** The words every refusal of such text uses, naming the character by its code point. */
    public static String refusal(CharSequence text) {
        int at = firstRefused(text);
        return String.format("must not contain control characters (U+%04X at position %d)", (int) text.charAt(at),
                at + 1);
    }
}
