package io.coupons.command.promo;

import static io.coupons.command.promo.PromoDesk.TEN_OFF;
import static io.coupons.command.promo.PromoDesk.numberOfCodes;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.TestHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every rule the Generate Batch form and the batch actions add, one case each: 422 naming the
 * field (all of a request's violations at once), and no event written.
 */
@CommandSideTest
class PromoBatchValidationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PromoDesk desk;

    @BeforeEach
    void setUp() {
        desk = new PromoDesk(port, jdbc);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            name missing                 | name              | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "enabled": true, "terms": {"percentOff": 5}}
            name blank                   | name              | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "name": "  ", "enabled": true, "terms": {"percentOff": 5}}
            method missing               | method            | {"numberOfCodes": 5, "name": "n", "enabled": true, "terms": {"percentOff": 5}}
            number of codes missing      | numberOfCodes     | {"method": "NUMBER_OF_CODES", "name": "n", "enabled": true, "terms": {"percentOff": 5}}
            number of codes zero         | numberOfCodes     | {"method": "NUMBER_OF_CODES", "numberOfCodes": 0, "name": "n", "enabled": true, "terms": {"percentOff": 5}}
            number of codes above 10 M   | numberOfCodes     | {"method": "NUMBER_OF_CODES", "numberOfCodes": 10000001, "name": "n", "enabled": true, "terms": {"percentOff": 5}}
            segment with number method   | targetUserSegment | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "targetUserSegment": "s", "name": "n", "enabled": true, "terms": {"percentOff": 5}}
            segment missing              | targetUserSegment | {"method": "TARGET_USER_SEGMENT", "name": "n", "enabled": true, "terms": {"percentOff": 5}}
            number with segment method   | numberOfCodes     | {"method": "TARGET_USER_SEGMENT", "targetUserSegment": "s", "numberOfCodes": 5, "name": "n", "enabled": true, "terms": {"percentOff": 5}}
            unknown segment              | targetUserSegment | {"method": "TARGET_USER_SEGMENT", "targetUserSegment": "No such segment here", "name": "n", "enabled": true, "terms": {"percentOff": 5}}
            code length 3                | codeLength        | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "codeLength": 3, "name": "n", "enabled": true, "terms": {"percentOff": 5}}
            code length 17               | codeLength        | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "codeLength": 17, "name": "n", "enabled": true, "terms": {"percentOff": 5}}
            key space over 1 percent     | codeLength        | {"method": "NUMBER_OF_CODES", "numberOfCodes": 10000, "codeLength": 4, "name": "n", "enabled": true, "terms": {"percentOff": 5}}
            enabled missing              | enabled           | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "name": "n", "terms": {"percentOff": 5}}
            terms missing                | terms             | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "name": "n", "enabled": true}
            inventory without enabled    | inventory         | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "name": "n", "enabled": true, "inventory": 3, "terms": {"percentOff": 5}}
            inventory enabled, no amount | inventory         | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "name": "n", "enabled": true, "inventoryEnabled": true, "terms": {"percentOff": 5}}
            inventory below 0            | inventory         | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "name": "n", "enabled": true, "inventoryEnabled": true, "inventory": -1, "terms": {"percentOff": 5}}
            inventory above 1e9          | inventory         | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "name": "n", "enabled": true, "inventoryEnabled": true, "inventory": 1000000001, "terms": {"percentOff": 5}}
            percent and flat together    | terms.flatAmountOff | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "name": "n", "enabled": true, "terms": {"percentOff": 5, "flatAmountOff": 5, "currency": "USD"}}
            end before start             | terms.endsAt      | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "name": "n", "enabled": true, "terms": {"percentOff": 5, "startsAt": "2030-01-02T00:00:00Z", "endsAt": "2030-01-01T00:00:00Z"}}
            credit without flat          | terms.creditFromOverage | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "name": "n", "enabled": true, "terms": {"percentOff": 5, "creditFromOverage": true}}
            undefined marketing campaign | terms.marketingCampaign | {"method": "NUMBER_OF_CODES", "numberOfCodes": 5, "name": "n", "enabled": true, "terms": {"percentOff": 5, "marketingCampaign": "Never defined anywhere"}}
            """)
    void generateRefusesAndNamesTheField(String rule, String field, String body) {
        long before = events();
        TestHttp.Response refused = desk.admin.post("/api/promo-batches", body);

        assertThat(refused.status()).as(refused::toString).isEqualTo(422);
        assertThat(fields(refused)).as(rule).contains(field);
        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM segment_upload_pin").query(Long.class).single()).isZero();
    }

    @Test
    void everyViolationOfOneRequestIsNamedAtOnce() {
        TestHttp.Response refused = desk.admin.post("/api/promo-batches", """
                {"method": "NUMBER_OF_CODES", "numberOfCodes": 0, "codeLength": 2, "name": "", "enabled": true,
                 "inventory": -4, "terms": {"percentOff": 500, "flatAmountOff": 5, "creditFromOverage": true}}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).contains("name", "numberOfCodes", "codeLength", "inventory", "terms.percentOff",
                "terms.flatAmountOff");
    }

    @Test
    void aSegmentWithoutMembersIsRefused() {
        String segment = desk.segment(List.of());
        TestHttp.Response refused = desk.admin.post("/api/promo-batches", """
                {"method": "TARGET_USER_SEGMENT", "targetUserSegment": "%s", "name": "n", "enabled": true,
                 "terms": {"percentOff": 5}}""".formatted(segment));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.toString()).contains("has no members");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            action missing         | action | {"amount": 3}
            increment by zero      | amount | {"action": "INCREMENT", "amount": 0}
            set below zero         | amount | {"action": "SET", "amount": -1}
            amount missing         | amount | {"action": "SET"}
            set above 1e9          | amount | {"action": "SET", "amount": 1000000001}
            """)
    void modifyInventoryRefusesAndNamesTheField(String rule, String field, String body) {
        String batch = desk.generate(numberOfCodes(1, TEN_OFF, "\"inventoryEnabled\": true, \"inventory\": 2"));
        long before = events();
        TestHttp.Response refused = desk.admin.post("/api/promo-batches/" + batch + "/inventory", body);
        assertThat(refused.status()).as(refused::toString).isEqualTo(422);
        assertThat(fields(refused)).as(rule).contains(field);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anIncrementPastTheMaximumIsRefused() {
        String batch = desk.generate(numberOfCodes(1, TEN_OFF, "\"inventoryEnabled\": true, \"inventory\": 999999999"));
        TestHttp.Response refused = desk.modifyInventory(batch, "INCREMENT", 2);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).contains("amount");
    }

    @Test
    void cloneAndEditRefuseTheirBadFields() {
        String batch = desk.generate(numberOfCodes(1, TEN_OFF, ""));
        String code = desk.codes(batch).get(0);
        long before = events();
        TestHttp.Response zero = desk.admin.post("/api/promo-batches/" + batch + "/codes/" + code + "/clones",
                "{\"quantity\": 0}");
        TestHttp.Response noFlag = desk.admin.put("/api/promo-batches/" + batch + "/codes/" + code,
                "{\"terms\": {\"percentOff\": 5}}");
        TestHttp.Response badTerms = desk.admin.put("/api/promo-batches/" + batch + "/codes/" + code,
                "{\"terms\": {\"percentOff\": 0}, \"enabled\": true}");
        assertThat(fields(zero)).contains("quantity");
        assertThat(fields(noFlag)).contains("enabled");
        assertThat(fields(badTerms)).contains("terms.percentOff");
        assertThat(List.of(zero.status(), noFlag.status(), badTerms.status())).containsOnly(422);
        assertThat(events()).isEqualTo(before);
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private static List<String> fields(TestHttp.Response answer) {
        List<String> fields = new ArrayList<>();
        answer.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
