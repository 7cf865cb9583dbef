package io.coupons.command.variantgroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A variant group is capped by the UTF-8 bytes of its ids, not only by their count and length:
 * 5,000 ids of 200 non-ASCII characters (2 MB) is refused with 422 before it is dispatched, where
 * under Axon Server a command over 4 MB failed in gRPC with a 500.
 */
@CommandSideTest
class VariantGroupSizeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void idsOverTheByteCapAreRefusedAndNothingIsRecorded() {
        StringBuilder ids = new StringBuilder();
        String wide = "é".repeat(199);
        for (int i = 0; i < 5_000; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(wide).append(i % 10).append('"');
        }
        long before = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        TestHttp.Response refused = TestHttp.at(port).as("admin").put("/api/variant-groups/wide",
                "{\"variantIds\": [" + ids + "]}");

        assertThat(refused.status()).as(refused::toString).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("variantIds");
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(before);
    }
}
