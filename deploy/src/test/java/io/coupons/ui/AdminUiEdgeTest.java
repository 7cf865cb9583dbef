package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.local.deployfiles.DeployFiles;
import io.coupons.ui.app.ApiTokens;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * What the UI refuses below its screens answers like the API: a problem body with a stable code
 * (no CSRF token, the wrong role, the firewall, an unknown page, a wrong method, a bad parameter);
 * and the tokens it calls the API with carry the person, so the sides decide for that person.
 */
@ExtendWith(UiSystem.class)
class AdminUiEdgeTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static HttpClient admin;
    static String adminCsrf;

    @BeforeAll
    static void signIn() throws Exception {
        admin = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        adminCsrf = signIn(admin, "admin");
    }

    @Test
    void aPageAsksTheBrowserToSignInButHtmxGetsAProblem() throws Exception {
        HttpClient stranger = HttpClient.newHttpClient();
        HttpResponse<String> page = stranger.send(get("/coupons").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> fragment = stranger.send(get("/coupons/table").header("HX-Request", "true").build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(fragment, 401, "UNAUTHENTICATED");
        assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/login");
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> answer = admin.send(form("/logout", "").build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(answer, 403, "FORBIDDEN");
    }

    @Test
    void tomcatsAndTheFirewallsRefusalsAreProblems() throws Exception {
        // Spring Security's firewall
        for (String path : new String[] {"/coupons;jsessionid=1", "/coupons/%252F", "/coupons//table", "/coupons/%2e%2e/x"}) {
            assertProblem(admin.send(get(path).build(), HttpResponse.BodyHandlers.ofString()), 400,
                    "REQUEST_REJECTED");
        }
        // Tomcat, before any filter (platform's ProblemErrorReportValve)
        for (String path : new String[] {"/coupons/%2F"}) {
            assertProblem(admin.send(get(path).build(), HttpResponse.BodyHandlers.ofString()), 400, "BAD_REQUEST");
        }
    }

    @Test
    void anUnknownPageAWrongMethodAndABadParameterAreProblems() throws Exception {
        assertProblem(admin.send(get("/no-such-screen").build(), HttpResponse.BodyHandlers.ofString()), 404,
                "NOT_FOUND");
        assertProblem(admin.send(form("/coupons/table", "_csrf=" + adminCsrf).build(),
                HttpResponse.BodyHandlers.ofString()), 405, "METHOD_NOT_ALLOWED");
        assertProblem(admin.send(get("/coupons?page=many").build(), HttpResponse.BodyHandlers.ofString()), 400,
                "INVALID_PARAMETER");
    }

    /** The second line of defence: whatever a page allows, the side decides by the token's person. */
    @Test
    void theSidesDecideByThePersonTheUisTokenNames() throws Exception {
        ApiTokens tokens = UiSystem.get().adminUi().getBean(ApiTokens.class);
        String auditor = tokens.tokenFor(UsernamePasswordAuthenticationToken.authenticated("auditor", null,
                AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));
        String adminToken = tokens.tokenFor(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        HttpClient http = HttpClient.newHttpClient();
        String rule = "{\"name\":\"Edge rule\",\"terms\":{\"percentOff\":10}}";
        String commandSide = "http://127.0.0.1:" + UiSystem.get().commandSidePort();

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(commandSide + "/api/discount-rules"))
                .header("Authorization", "Bearer " + auditor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rule)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(refused, 403, "FORBIDDEN");

        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(commandSide + "/api/me"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"name\":\"admin\"").contains("ADMIN");

        // A token signed with any other key is not the UI's.
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(commandSide + "/api/me"))
                .header("Authorization", "Bearer " + adminToken.substring(0, adminToken.lastIndexOf('.') + 1) + "AAAA")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(forged, 401, "UNAUTHENTICATED");
    }

    /** The deploy files' health checks, run as the container and the kubelet would. */
    @Test
    void theDeployFilesHealthChecksFindTheUiUp() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(DeployFiles.healthcheck("admin-ui")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SERVER_PORT", Integer.toString(UiSystem.get().adminUiPort()));
        Process check = builder.start();
        assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as("compose healthcheck, admin UI").isZero();
        HttpClient stranger = HttpClient.newHttpClient();
        for (String path : DeployFiles.probePaths("admin-ui").values()) {
            assertThat(stranger.send(get(path).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as(path).isEqualTo(200);
        }
    }

    static String signIn(HttpClient client, String user) throws Exception {
        HttpResponse<String> login = client.send(get("/login").build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).isTrue();
        String csrf = token.group(1);
        HttpResponse<String> signedIn = client.send(form("/login", "username=" + user + "&password="
                + URLEncoder.encode(UiSystem.password(user), StandardCharsets.UTF_8) + "&_csrf=" + csrf).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/coupons");
        // Spring Security issues a new token with the new session.
        HttpResponse<String> page = client.send(get("/coupons").build(), HttpResponse.BodyHandlers.ofString());
        Matcher fresh = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(fresh.find()).isTrue();
        return fresh.group(1);
    }

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(UiSystem.baseUrl() + path)).GET();
    }

    static HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(UiSystem.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static void assertProblem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(answer.uri().toString())
                .startsWith("application/problem+json");
        assertThat(answer.body()).as(answer.uri().toString()).contains("\"code\":\"" + code + "\"");
    }
}
