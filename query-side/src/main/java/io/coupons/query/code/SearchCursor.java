package io.coupons.query.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The "load more" position: the last code shown. Keyset paging on the code (the primary key) means
 * a page starts strictly after it, so codes generated or redeemed meanwhile never make a page repeat
 * or skip a row. Opaque to clients (they pass it back unchanged). It names its search, so a cursor
 * pasted onto another search is refused rather than silently jumping into the middle of it, and
 * carries a checksum, so a cut or mistyped cursor is refused rather than read as another position.
 * Not a secret: whoever may page may search from anywhere.
 */
final class SearchCursor {

    private static final String VERSION = "c1";
    private static final char SEPARATOR = '\n';
    private static final int CHECKSUM_BYTES = 6;

    private SearchCursor() {
    }

    static String after(SearchText search, String lastCode) {
        byte[] content = (VERSION + SEPARATOR + search.text() + SEPARATOR + lastCode).getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOf(content, content.length + CHECKSUM_BYTES);
        System.arraycopy(checksum(content), 0, sealed, content.length, CHECKSUM_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The last code shown, or empty when the cursor is not one this search handed out. */
    static Optional<String> lastCode(String cursor, SearchText search) {
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (sealed.length <= CHECKSUM_BYTES) {
            return Optional.empty();
        }
        byte[] content = Arrays.copyOf(sealed, sealed.length - CHECKSUM_BYTES);
        byte[] expected = Arrays.copyOf(checksum(content), CHECKSUM_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(sealed, content.length, sealed.length))) {
            return Optional.empty();
        }
        String[] parts = new String(content, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].equals(search.text())) {
            return Optional.empty();
        }
        return SearchText.parse(parts[2]).map(SearchText::text).filter(code -> code.equals(parts[2]));
    }

    private static byte[] checksum(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
