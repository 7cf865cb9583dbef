package io.coupons.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The text rule ({@link InputText}) for everything a request carries outside its body: the path
 * segments and every query parameter, name and value, as decoded. {@code q=%00} on a list reached
 * PostgreSQL and failed there; now it is a 400 naming the parameter, before any controller runs.
 * A query string that cannot be decoded at all ({@code %ZZ}, broken UTF-8) is refused too, rather
 * than having the parameter silently dropped. Runs after authentication, so strangers learn nothing.
 */
public class InputTextFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public InputTextFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal != null) {
            problems.write(response, HttpStatus.BAD_REQUEST, "INVALID_CHARACTERS", refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the request's path or parameters are refused, or null. */
    static String refusal(HttpServletRequest request) {
        String path = decoded(request.getRequestURI());
        if (path == null) {
            return "The path is not valid percent-encoded UTF-8.";
        }
        if (!InputText.isClean(path)) {
            return "The path " + InputText.refusal(path) + ".";
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&", -1)) {
                int equals = pair.indexOf('=');
                String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
                if (name == null || value == null) {
                    return "The query string is not valid percent-encoded UTF-8 near '"
                            + StrictJsonConfig.shortened(pair) + "'.";
                }
                if (!InputText.isClean(name)) {
                    return "A parameter name " + InputText.refusal(name) + ".";
                }
                if (!InputText.isClean(value)) {
                    return name + ": " + InputText.refusal(value) + ".";
                }
            }
        }
        return null;
    }

    /** Percent-decoding as Tomcat does for parameters ('+' is a space), or null if it is not valid. */
    private static String decoded(String text) {
        try {
            String decoded = UriUtils.decode(text.replace('+', ' '), StandardCharsets.UTF_8);
            return decoded.indexOf('\uFFFD') >= 0 && text.indexOf('\uFFFD') < 0 ? null : decoded;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
