package io.coupons.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.platform.testing.RawHttp;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.QuerySideTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The query side's edge: control characters in parameters and hostile paths answer problem bodies. */
@QuerySideTest
class QuerySideEdgeRefusalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/api/campaigns?q=summer%00", "/api/campaigns/export.csv?q=%00",
            "/api/discount-rules?q=%00x", "/api/codes?search=AB%00", "/api/codes/AB%01/usage",
            "/api/campaigns?q=%1B%5B31m", "/api/discount-rules?q%00=x"})
    void refusesControlCharactersInParametersBeforeTheyReachTheDatabase(String target) {
        RawHttp.Answer answer = RawHttp.send(port, "GET", target, "auditor", null, null);

        assertThat(answer.status()).as(answer::toString).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("code").asString()).isIn("INVALID_CHARACTERS",
                "REQUEST_REJECTED");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET    | /api/campaigns/%2F",
            "GET    | /api/campaigns/..%2Fexport.csv",
            "GET    | /api/codes/%00",
            "GET    | /api/codes/%C0%AE",
            "GET    | /api/codes/%25",
            "GET    | /api/codes/%252F",
            "GET    | /api/codes/%ZZ",
            "GET    | /api/campaigns;jsessionid=1",
            "GET    | /api/campaigns?q=%ZZ",
            "GET    | /api/campaigns?q=%C0%AE",
            "POST   | /api/campaigns",
            "DELETE | /api/codes/ABC",
            "TRACE  | /api/campaigns",
            "GET    | /nothing/here",
    })
    void everyLayerAnswersAProblemBodyWithACode(String method, String target) {
        for (String user : new String[] {"auditor", null}) {
            RawHttp.Answer answer = RawHttp.send(port, method, target, user, null, null);

            assertThat(answer.status()).as("%s %s as %s: %s", method, target, user, answer).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(answer::toString).startsWith("application/problem+json");
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("code").asString()).as(answer::toString).isNotBlank();
            assertThat(body.path("status").asInt()).isEqualTo(answer.status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/campaigns?size=99999999999999999999", "/api/campaigns?page=2147483648",
            "/api/codes?search=A&size=-1", "/api/discount-rules?size=1e3"})
    void refusesAbsurdPageSizes(String path) {
        TestHttp.Response response = TestHttp.at(port).as("auditor").get(path);

        assertThat(response.status()).as(response::toString).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isNotBlank();
    }
}
