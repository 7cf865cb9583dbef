package io.coupons.query.segment;

import io.coupons.platform.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of members continues: the last account id of the previous page, base64url-encoded
 * so any account id travels in a URL unchanged. Opaque to clients.
 */
final class MemberCursor {

    private MemberCursor() {
    }

    static String after(String accountId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(accountId.getBytes(StandardCharsets.UTF_8));
    }

    /** The account id a cursor stands for; null for none; 400 for anything not made by {@link #after}. */
    static String parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            String accountId = new String(bytes, StandardCharsets.UTF_8);
            if (bytes.length > 1_000 || !after(accountId).equals(cursor)) {
                throw new IllegalArgumentException("not a cursor");
            }
            return accountId;
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.badParameter("cursor", "is not a cursor this API gave out");
        }
    }
}
