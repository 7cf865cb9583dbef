package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.platform.testing.TestHttp;
import io.coupons.ui.app.ApiTokens;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An auditor sees every screen and can change nothing: no write control on any screen (while the
 * admin sees them on the same screens, so the check can fail), a write forged in the page with the
 * session's own CSRF token is refused by the UI, and the command side refuses the auditor itself.
 */
@ExtendWith(UiSystem.class)
class AuditorUiTest {

    /** A screen of the UI, and whether the admin has something to change there. */
    record Screen(String path, boolean adminWrites) {
    }

    /**
     * Every screen. Extend as screens arrive: {@code /promo-batches}, {@code /segments}, {@code /usage}
     * (and {@code /coupons} with writes) come from other branches.
     */
    static final List<Screen> SCREENS = List.of(
            new Screen("/coupons", true),
            new Screen("/discount-rules", true),
            new Screen("/variant-groups", true),
            new Screen("/marketing-campaigns", true),
            new Screen("/promo-batches", true),
            new Screen("/promo-batches/new", true),
            new Screen("/segments", true),
            new Screen("/usage", false),
            new Screen("/find?search=A", false));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theAuditorSeesEveryScreenWithoutAWriteControlAndTheAdminSeesThem() {
        // Something on every list, so rows (and their buttons) render too.
        RulesApi.rule(UiSystem.unique("Audited "), 5);
        RulesApi.commandSide("admin").put("/api/variant-groups/" + UiSystem.unique("Audited"),
                "{\"variantIds\": [\"A-1\"]}");
        RulesApi.commandSide("admin").put("/api/marketing-campaigns/" + UiSystem.unique("Audited"), "{}");
        try (Browser auditor = Browser.open("auditor-screens"); Browser admin = Browser.open("admin-screens")) {
            auditor.signIn("auditor");
            admin.signIn("admin");
            for (Screen screen : SCREENS) {
                auditor.go(screen.path());
                assertThat(auditor.find(By.id("tab-coupons")).isDisplayed()).as(screen.path() + " rendered").isTrue();
                assertThat(auditor.find(By.cssSelector(".who .role")).getText()).isEqualTo("read-only");
                assertThat(auditor.all(By.cssSelector("[data-write]"))).as(screen.path() + " for the auditor")
                        .isEmpty();
                admin.go(screen.path());
                assertThat(admin.find(By.id("tab-coupons")).isDisplayed()).as(screen.path() + " rendered").isTrue();
                if (screen.adminWrites()) {
                    assertThat(admin.all(By.cssSelector("[data-write]"))).as(screen.path() + " for the admin")
                            .isNotEmpty();
                }
            }
        }
    }

    @Test
    void aWriteForgedInTheAuditorsPageIsRefusedAndChangesNothing() {
        String rule = UiSystem.unique("Forged ");
        String code = UiSystem.unique("FORGED");
        try (Browser auditor = Browser.open("auditor-forged")) {
            auditor.signIn("auditor").go("/discount-rules");
            Map<String, Object> ruleAnswer = forge(auditor, "/discount-rules",
                    "name=" + rule.replace(" ", "+") + "&terms.percentOff=10&terms.currency=USD");
            Map<String, Object> couponAnswer = forge(auditor, "/coupons",
                    "code=" + code + "&type=SINGLE_CODE&usesPerCode=1");
            for (Map<String, Object> answer : List.of(ruleAnswer, couponAnswer)) {
                assertThat(answer.get("status")).as(answer::toString).isEqualTo(403L);
                assertThat(String.valueOf(answer.get("type"))).startsWith("application/problem+json");
                assertThat(JSON.readTree(String.valueOf(answer.get("body"))).get("code").asString())
                        .isEqualTo("FORBIDDEN");
            }
            // The page's token is good (a POST with a bad one would be 403 too): the refusals are the role's.
            assertThat(((Number) forge(auditor, "/logout", "").get("status")).intValue()).isLessThan(400);
        }
        assertThat(RulesApi.rules(rule.replace(" ", "%20")).get("total").asLong()).isZero();
        assertThat(RulesApi.querySide("admin").get("/api/campaigns?q=" + code).json().get("total").asLong()).isZero();
    }

    @Test
    void theCommandSideRefusesTheAuditorItself() {
        String rule = UiSystem.unique("Direct ");
        String group = UiSystem.unique("Direct");
        TestHttp auditor = RulesApi.commandSide("auditor");
        List<TestHttp.Response> answers = List.of(
                auditor.post("/api/discount-rules", "{\"name\": \"" + rule + "\", \"terms\": {\"percentOff\": 10, "
                        + "\"currency\": \"USD\"}}"),
                auditor.put("/api/variant-groups/" + group, "{\"variantIds\": [\"A-1\"]}"),
                auditor.put("/api/marketing-campaigns/" + group, "{}"));
        for (TestHttp.Response answer : answers) {
            assertThat(answer.status()).as(answer::toString).isEqualTo(403);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("code").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(RulesApi.rules(rule.replace(" ", "%20")).get("total").asLong()).isZero();
        assertThat(RulesApi.querySide("admin").get("/api/variant-groups?q=" + group).json().get("total").asLong())
                .isZero();
        assertThat(RulesApi.querySide("admin").get("/api/marketing-campaigns?q=" + group).json().get("total")
                .asLong()).isZero();
    }

    /**
     * The token the UI would mint for the auditor (its own {@link ApiTokens}, signed with the key the
     * local system gave the UI) is refused by the command side for its role, while the admin's,
     * minted the same way, is taken: so the refusal is the role's, not a token the side does not trust.
     */
    @Test
    void theCommandSideRefusesATokenTheUiMintsForTheAuditor() throws Exception {
        ApiTokens tokens = UiSystem.get().adminUi().getBean(ApiTokens.class);
        String rule = UiSystem.unique("Minted ");
        String body = "{\"name\": \"" + rule + "\", \"terms\": {\"percentOff\": 10, \"currency\": \"USD\"}}";

        TestHttp.Response auditor = withBearer(tokens.tokenFor(person("auditor", "AUDITOR")), body);
        assertThat(auditor.status()).as(auditor::toString).isEqualTo(403);
        assertThat(auditor.json().get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(RulesApi.rules(rule.replace(" ", "%20")).get("total").asLong()).isZero();

        TestHttp.Response admin = withBearer(tokens.tokenFor(person("admin", "ADMIN")), body);
        assertThat(admin.status()).as(admin::toString).isEqualTo(201);
    }

    private static TestHttp.Response withBearer(String token, String json) {
        TestHttp side = TestHttp.at(UiSystem.get().commandSidePort());
        return side.send(side.request("/api/discount-rules").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Authentication person(String name, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    /** A form POST made by script in the page, with the page's own CSRF token: status, content type, body. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> forge(Browser browser, String path, String form) {
        return (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const header = document.querySelector('meta[name=csrf-header]').content;
                const token = document.querySelector('meta[name=csrf-token]').content;
                fetch(arguments[0], {method: 'POST', body: arguments[1], redirect: 'manual',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded', [header]: token}})
                    .then(response => response.text().then(body => done({status: response.status,
                        type: response.headers.get('Content-Type') || '', body: body})))
                    .catch(error => done({status: -1, type: '', body: String(error)}));""", path, form);
    }
}
