package io.coupons.ui.app;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The UI's only way to the system: the two sides' REST API, called as the person signed in (a
 * bearer token from {@link ApiTokens}). Answers come back as plain JSON trees (maps and lists), which
 * the templates read directly; refusals come back as {@link ApiRefusal}. Paths are URI templates, so
 * what an admin typed is always encoded, never spliced into a path.
 */
@Component
public class Api {

    /** Amounts stay exact decimals ("15.00"), as the API wrote them, never doubles. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final RestClient client;
    private final RestClient uploadClient;
    private final String commandSide;
    private final String querySide;
    private final ApiTokens tokens;
    private final Duration projectionWait;

    public Api(UiProperties properties, ApiTokens tokens) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.client = RestClient.builder().requestFactory(requests).build();
        // An upload is answered only once the side has read and applied all of it: ten million
        // segment lines take minutes, not the minute a page may wait. It goes through
        // HttpURLConnection, chunked: JDK 17's HttpClient fails with a NullPointerException in
        // Http1Exchange.requestMoreBody when the side answers a streamed body before taking all of
        // it (a refused upload), which the hostile walk hit as a 500.
        SimpleClientHttpRequestFactory uploads = new SimpleClientHttpRequestFactory();
        uploads.setConnectTimeout(Duration.ofSeconds(5));
        uploads.setReadTimeout(Duration.ofMinutes(30));
        uploads.setChunkSize(64 * 1024);
        this.uploadClient = RestClient.builder().requestFactory(uploads).build();
        this.commandSide = required(properties.commandSideUrl(), "coupons.admin-ui.command-side-url");
        this.querySide = required(properties.querySideUrl(), "coupons.admin-ui.query-side-url");
        this.tokens = tokens;
        this.projectionWait = properties.projectionWait();
    }

    /** A GET on the query side: its JSON answer as maps and lists. */
    public Object query(String path, Object... variables) {
        return exchange(uri(querySide, path, Map.of(), variables), HttpMethod.GET, null, Map.of());
    }

    /** A GET on the query side whose answer is one JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> queryObject(String path, Object... variables) {
        return (Map<String, Object>) query(path, variables);
    }

    /**
     * A GET on the query side with query parameters (null and blank ones left out) whose answer is
     * one JSON object; every value is encoded strictly ({@code +}, {@code &} and {@code %} included).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> queryObject(String path, Map<String, ?> parameters, Object... variables) {
        return (Map<String, Object>) exchange(uri(querySide, path, parameters, variables), HttpMethod.GET, null,
                Map.of());
    }

    /**
     * One page of a query-side list: its filters (null and blank ones left out), then {@code page}
     * (never below 0) and {@code size}, as every list of the API takes them.
     */
    public Map<String, Object> queryPage(String path, Map<String, ?> filters, int page, int size,
                                         Object... variables) {
        Map<String, Object> parameters = new LinkedHashMap<>(filters);
        parameters.put("page", Math.max(page, 0));
        parameters.put("size", size);
        return queryObject(path, parameters, variables);
    }

    /** A change on the command side with a JSON body (or none): its JSON answer, or an empty map. */
    public Map<String, Object> command(HttpMethod method, String path, @Nullable Object body, Object... variables) {
        return commandWithHeaders(method, path, body, Map.of(), variables);
    }

    /** The same with extra headers, such as {@code Idempotency-Key}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> commandWithHeaders(HttpMethod method, String path, @Nullable Object body,
                                                  Map<String, String> headers, Object... variables) {
        Object answer = exchange(uri(commandSide, path, Map.of(), variables), method, body, headers);
        return answer instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** An upload streamed to the command side as it arrives (a segment's CSV of any size). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> upload(String path, MediaType type, InputStream content, Object... variables) {
        return (Map<String, Object>) uploadClient.put().uri(uri(commandSide, path, Map.of(), variables))
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(type)
                .body(output -> StreamUtils.copy(content, output))
                .exchange((request, response) -> {
                    Object json = read(response.getBody());
                    if (response.getStatusCode().isError()) {
                        throw ApiRefusal.fromProblem(response.getStatusCode().value(), json);
                    }
                    return json == null ? Map.of() : json;
                });
    }

    /**
     * A download from the query side, streamed to the browser as it comes (a ten-million-code export
     * never sits in the UI's memory). A refusal is passed on as the problem body it is.
     */
    public void download(String path, Map<String, ?> parameters, HttpServletResponse browser,
                         Object... variables) {
        client.get().uri(uri(querySide, path, parameters, variables)).header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange((request, response) -> {
                    browser.setStatus(response.getStatusCode().value());
                    for (String header : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_DISPOSITION)) {
                        String value = response.getHeaders().getFirst(header);
                        if (value != null) {
                            browser.setHeader(header, value);
                        }
                    }
                    try (InputStream body = response.getBody()) {
                        StreamUtils.copy(body, browser.getOutputStream());
                    }
                    return null;
                }, true);
    }

    /**
     * Waits until the query side shows what was just done ({@code ready} holds for its answer, or
     * it stops answering 404), at most {@code coupons.admin-ui.projection-wait}: the query side is
     * eventually consistent, and a screen redrawn before it caught up would hide the admin's own
     * change. Returns the last answer, or null if it never appeared in time.
     */
    public @Nullable Map<String, Object> awaitProjected(Predicate<Map<String, Object>> ready, String path,
                                                        Object... variables) {
        List<Map<String, Object>> seen = new ArrayList<>(1);
        poll(() -> {
            try {
                Map<String, Object> answer = queryObject(path, variables);
                seen.clear();
                seen.add(answer);
                return ready.test(answer);
            } catch (ApiRefusal notYet) {
                if (notYet.status() != 404) {
                    throw notYet;
                }
                return false;
            }
        });
        return seen.isEmpty() ? null : seen.get(0);
    }

    /**
     * Waits until the query side answers 404 for what was just deleted, at most
     * {@code coupons.admin-ui.projection-wait}, so a list redrawn after a Delete no longer shows it.
     * True if it went in time.
     */
    public boolean awaitGone(String path, Object... variables) {
        return poll(() -> {
            try {
                queryObject(path, variables);
                return false;
            } catch (ApiRefusal refusal) {
                if (refusal.status() == 404) {
                    return true;
                }
                throw refusal;
            }
        });
    }

    /** Asks every 50 ms until the answer is yes (true) or the projection wait is over (false). */
    private boolean poll(BooleanSupplier done) {
        Instant deadline = Instant.now().plus(projectionWait);
        while (true) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** True once a view's {@code version} reached the one a command answered. */
    public static Predicate<Map<String, Object>> versionAtLeast(Object version) {
        long wanted = version instanceof Number number ? number.longValue() : 0;
        return view -> view.get("version") instanceof Number seen && seen.longValue() >= wanted;
    }

    /**
     * An absolute URI: the path template's variables in order, then the query parameters, all
     * expanded after the template was encoded, so each value is encoded as a whole.
     */
    static URI uri(String base, String path, Map<String, ?> parameters, Object... variables) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base).path(path);
        Map<String, Object> values = new HashMap<>();
        Matcher names = VARIABLE.matcher(path);
        int index = 0;
        while (names.find()) {
            if (index >= variables.length) {
                throw new IllegalArgumentException("No value for " + names.group() + " in " + path);
            }
            values.put(names.group(1), variables[index++]);
        }
        int parameter = 0;
        for (Map.Entry<String, ?> entry : parameters.entrySet()) {
            Object value = entry.getValue();
            if (value != null && !String.valueOf(value).isBlank()) {
                String name = "parameter" + parameter++;
                uri.queryParam(entry.getKey(), "{" + name + "}");
                values.put(name, value);
            }
        }
        return uri.encode().buildAndExpand(values).toUri();
    }

    private Object exchange(URI uri, HttpMethod method, @Nullable Object body, Map<String, String> headers) {
        RestClient.RequestBodySpec request = client.method(method).uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .accept(MediaType.APPLICATION_JSON);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(body));
        }
        return request.exchange((sent, response) -> {
            Object json = read(response.getBody());
            if (response.getStatusCode().isError()) {
                throw ApiRefusal.fromProblem(response.getStatusCode().value(), json);
            }
            return json == null ? Map.of() : json;
        });
    }

    private static @Nullable Object read(InputStream body) throws IOException {
        byte[] bytes = StreamUtils.copyToByteArray(body);
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readValue(bytes, Object.class);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private String bearer() {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (person == null || !person.isAuthenticated()) {
            throw new IllegalStateException("No one is signed in: the UI calls the API only as a signed-in person");
        }
        return "Bearer " + tokens.tokenFor(person);
    }

    private static String required(String url, String property) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(property + " is not set");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
