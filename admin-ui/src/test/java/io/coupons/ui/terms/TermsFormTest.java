package io.coupons.ui.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coupons.ui.app.ApiRefusal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The form's text becomes the API's terms and back; rules stay the API's. */
class TermsFormTest {

    @Test
    void turnsTheFormIntoTermsAndBack() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("terms.percentOff", "20");
        form.add("terms.discountLimit", "1,000.50");
        form.add("terms.currency", "usd");
        form.add("terms.freeGroundShipping", "on");
        form.add("terms.startsAt", "2027-03-03T14:02");
        form.add("terms.variantIds", "tee-red-m, tee-blue-s\ntee-red-m\n");
        form.add("terms.displayMessage", "  20% off  ");
        form.add("terms.orderMinimum", "");

        Map<String, Object> terms = TermsForm.toTerms(form);

        assertThat(terms).containsEntry("percentOff", new BigDecimal("20"))
                .containsEntry("discountLimit", new BigDecimal("1000.50"))
                .containsEntry("currency", "USD")
                .containsEntry("freeGroundShipping", true)
                .containsEntry("firstOrderOnly", false)
                .containsEntry("startsAt", "2027-03-03T14:02:00Z")
                .containsEntry("variantIds", List.of("tee-red-m", "tee-blue-s"))
                .containsEntry("displayMessage", "20% off")
                .doesNotContainKey("orderMinimum");
        Map<String, String> again = TermsForm.fromTerms(terms);
        assertThat(again).containsEntry("terms.percentOff", "20").containsEntry("terms.freeGroundShipping", "on")
                .containsEntry("terms.startsAt", "2027-03-03T14:02").containsEntry("terms.variantIds",
                        "tee-red-m\ntee-blue-s")
                .doesNotContainKey("terms.firstOrderOnly");
    }

    @Test
    void textThatIsNoNumberOrDateIsNamedWithTheApisFieldNames() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("terms.percentOff", "twenty");
        form.add("terms.endsAt", "next tuesday");

        assertThatThrownBy(() -> TermsForm.toTerms(form)).isInstanceOfSatisfying(ApiRefusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(422);
            assertThat(refusal.fieldErrors()).containsOnlyKeys("terms.percentOff", "terms.endsAt");
        });
    }
}
