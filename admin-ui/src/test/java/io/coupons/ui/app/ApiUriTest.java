package io.coupons.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an admin types reaches the API as one encoded value, never as part of the path or query. */
class ApiUriTest {

    @Test
    void encodesPathVariablesAndParametersWhole() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", "a+b&c=d %");
        parameters.put("page", 2);
        parameters.put("type", "");
        parameters.put("status", null);

        String uri = Api.uri("http://127.0.0.1:8082", "/api/codes/{code}/redemptions", parameters, "X/../Y?z")
                .toString();

        assertThat(uri).isEqualTo("http://127.0.0.1:8082/api/codes/X%2F..%2FY%3Fz/redemptions?q=a%2Bb%26c%3Dd%20%25&page=2");
    }
}
