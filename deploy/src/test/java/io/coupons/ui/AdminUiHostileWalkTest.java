package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Every screen's every address, found from the UI's own handler mappings (a new screen is covered
 * the day it is written), called by a signed-in admin with hostile path variables and parameters:
 * nothing may fail on our side (no 5xx), and every refusal names what was wrong, as the API's
 * problem body with a stable code, or, for a form the API refused, the form with its field errors.
 */
@ExtendWith(UiSystem.class)
class AdminUiHostileWalkTest {

    static final List<String> HOSTILE = List.of("", "x", "-1", "0", "99999999999999999999", "1e309", "NaN",
            "<script>alert(1)</script>", "' OR '1'='1", "%", "Ω≈ç√ 🎟", "A".repeat(3000), "../../etc/passwd",
            "00000000-0000-0000-0000-000000000000", "true");
    static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Test
    void nothingAHostileAdminSendsFailsOnOurSideAndEveryRefusalNamesWhatWasWrong() throws Exception {
        HttpClient admin = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        String csrf = AdminUiEdgeTest.signIn(admin, "admin");
        RequestMappingHandlerMapping mappings = UiSystem.get().adminUi()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        Set<String> walked = new LinkedHashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            List<String> parameters = requestParameters(mapping.getValue());
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    walked.add(method + " " + pattern);
                    for (String value : HOSTILE) {
                        HttpResponse<String> answer = admin.send(request(method, pattern, parameters, value, csrf),
                                HttpResponse.BodyHandlers.ofString());
                        sent++;
                        String problem = judge(answer);
                        if (problem != null) {
                            failures.add(method + " " + answer.uri().getRawPath() + "?" + abbreviated(
                                    String.valueOf(answer.uri().getRawQuery())) + " -> " + answer.statusCode() + ": "
                                    + problem);
                        }
                    }
                }
            }
        }
        assertThat(walked).as("the screens' addresses").hasSizeGreaterThan(10).contains("GET /coupons");
        assertThat(sent).isGreaterThan(100);
        assertThat(failures).as("of " + sent + " hostile requests").isEmpty();
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    static String judge(HttpResponse<String> answer) {
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            return "a failure on our side (" + type + "): " + abbreviated(answer.body());
        }
        if (status < 400) {
            return null;
        }
        if (type.startsWith("application/problem+json")) {
            return answer.body().matches("(?s).*\"code\":\"[A-Z_0-9]+\".*") ? null : "a problem without a code";
        }
        if (status == 422 && type.startsWith("text/html")
                && (answer.body().contains("field-error") || answer.body().contains("alert error"))) {
            return null; // a form the API refused, shown again with its errors
        }
        return "a refusal that is neither a problem body nor a form with its errors (" + type + ")";
    }

    static HttpRequest request(RequestMethod method, String pattern, List<String> parameters, String value,
                               String csrf) {
        Matcher variables = VARIABLE.matcher(pattern.replace("/**", ""));
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(path, Matcher.quoteReplacement(
                    UriUtils.encodePathSegment(value.isEmpty() ? "x" : value, StandardCharsets.UTF_8)));
        }
        variables.appendTail(path);
        StringBuilder query = new StringBuilder();
        for (String parameter : parameters) {
            query.append(query.isEmpty() ? "" : "&").append(UriUtils.encodeQueryParam(parameter, StandardCharsets.UTF_8))
                    .append('=').append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (method == RequestMethod.GET) {
            return request.uri(URI.create(UiSystem.baseUrl() + path + (query.isEmpty() ? "" : "?" + query))).GET()
                    .build();
        }
        return request.uri(URI.create(UiSystem.baseUrl() + path)).header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method.name(), HttpRequest.BodyPublishers.ofString(query.toString())).build();
    }

    static List<String> requestParameters(HandlerMethod handler) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    static String abbreviated(String body) {
        String line = body.replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
