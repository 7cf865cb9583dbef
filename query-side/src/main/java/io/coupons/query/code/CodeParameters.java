package io.coupons.query.code;

import io.coupons.api.code.CouponCode;
import io.coupons.platform.web.ApiProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A code in a request (path or query parameter): the 400 when nothing could be a code, and the 404. */
public final class CodeParameters {

    private CodeParameters() {
    }

    /** The stored form of the code typed in {@code parameter}, or a 400 naming it. */
    public static String code(String parameter, String typed) {
        return CouponCode.parseWellFormed(typed).map(CouponCode::value).orElseThrow(() -> ApiProblemException
                .badParameter(parameter, "must be 1 to " + CouponCode.MAX_LENGTH
                        + " characters: letters, digits, '_' and '-'"));
    }

    public static ApiProblemException unknownCode(String code) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "NOT_FOUND", "No code " + code + " is known.",
                List.of());
    }
}
