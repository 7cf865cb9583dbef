package io.coupons.query;

import io.coupons.platform.testing.TestHttp;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Reading one's own write, as the README tells clients to: poll until the view reaches a version. */
public final class ProjectedVersion {

    private ProjectedVersion() {
    }

    public static JsonNode await(TestHttp http, String path, long version) {
        JsonNode[] found = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    TestHttp.Response response = http.get(path);
                    if (response.status() != 200 || response.json().get("version").asLong() < version) {
                        return false;
                    }
                    found[0] = response.json();
                    return true;
                });
        return found[0];
    }
}
