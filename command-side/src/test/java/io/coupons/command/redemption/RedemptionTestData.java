package io.coupons.command.redemption;

import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import io.coupons.api.rule.DiscountTerms;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builders for the redemption tests: each default is valid and gives something, so a test sets only
 * the field its rule is about.
 */
final class RedemptionTestData {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final CampaignId CAMPAIGN = new CampaignId(UUID.fromString("6f1c2a0e-3b7d-4e55-9a1f-2c8d7e4b9a10"));

    private RedemptionTestData() {
    }

    static Terms terms() {
        return new Terms();
    }

    static Code code() {
        return new Code();
    }

    static Order order() {
        return new Order();
    }

    static OrderLine line(String variantId, int quantity, String unitPrice) {
        return new OrderLine(variantId, quantity, new BigDecimal(unitPrice));
    }

    /** Defaults: 10 % off everything, in USD, no conditions. A rule is percent or flat, never both. */
    static final class Terms {
        private BigDecimal percentOff = new BigDecimal("10");
        private BigDecimal discountLimit;
        private boolean percentOnlyOnSelectedVariants;
        private BigDecimal flatAmountOff;
        private boolean creditFromOverage;
        private boolean freeGroundShipping;
        private String currency = "USD";
        private boolean ignoreTotalOrderCodeLimit;
        private boolean firstOrderOnly;
        private BigDecimal orderMinimum;
        private Instant startsAt;
        private Instant endsAt;
        private List<String> variantIds = List.of();
        private String variantTargetingGroup;
        private String displayMessage = "Summer sale";

        Terms percentOff(String percent) {
            percentOff = new BigDecimal(percent);
            flatAmountOff = null;
            return this;
        }

        Terms discountLimit(String limit) {
            discountLimit = new BigDecimal(limit);
            return this;
        }

        Terms percentOnlyOnSelectedVariants() {
            percentOnlyOnSelectedVariants = true;
            return this;
        }

        Terms flatAmountOff(String amount) {
            flatAmountOff = new BigDecimal(amount);
            percentOff = null;
            return this;
        }

        Terms creditFromOverage() {
            creditFromOverage = true;
            return this;
        }

        Terms freeGroundShipping() {
            freeGroundShipping = true;
            return this;
        }

        /** Free shipping and nothing off the items. */
        Terms freeGroundShippingOnly() {
            percentOff = null;
            flatAmountOff = null;
            return freeGroundShipping();
        }

        Terms currency(String code) {
            currency = code;
            return this;
        }

        Terms stackable() {
            ignoreTotalOrderCodeLimit = true;
            return this;
        }

        Terms firstOrderOnly() {
            firstOrderOnly = true;
            return this;
        }

        Terms orderMinimum(String amount) {
            orderMinimum = new BigDecimal(amount);
            return this;
        }

        Terms startsAt(Instant at) {
            startsAt = at;
            return this;
        }

        Terms endsAt(Instant at) {
            endsAt = at;
            return this;
        }

        Terms variantIds(String... ids) {
            variantIds = List.of(ids);
            return this;
        }

        Terms variantTargetingGroup(String group) {
            variantTargetingGroup = group;
            return this;
        }

        Terms displayMessage(String message) {
            displayMessage = message;
            return this;
        }

        DiscountTerms build() {
            return new DiscountTerms(percentOff, discountLimit, percentOnlyOnSelectedVariants, flatAmountOff,
                    creditFromOverage, freeGroundShipping, currency, ignoreTotalOrderCodeLimit, firstOrderOnly,
                    false, orderMinimum, startsAt, endsAt, variantIds, variantTargetingGroup, displayMessage, null,
                    null, null, null);
        }
    }

    /** Defaults: an enabled, live, unbound single code of an active campaign with {@link #terms()}. */
    static final class Code {
        private boolean archived;
        private Instant startsAt;
        private Instant expiresAt;
        private DiscountTerms terms = RedemptionTestData.terms().build();
        private boolean enabled = true;
        private boolean deleted;
        private String boundAccountId;

        Code archived() {
            archived = true;
            return this;
        }

        Code startsAt(Instant at) {
            startsAt = at;
            return this;
        }

        Code expiresAt(Instant at) {
            expiresAt = at;
            return this;
        }

        Code terms(Terms builder) {
            terms = builder.build();
            return this;
        }

        Code withoutRule() {
            terms = null;
            return this;
        }

        Code disabled() {
            enabled = false;
            return this;
        }

        Code deleted() {
            deleted = true;
            return this;
        }

        Code boundTo(String accountId) {
            boundAccountId = accountId;
            return this;
        }

        RedeemableCode build() {
            return new RedeemableCode("SUMMER10", CAMPAIGN, null, CampaignType.SINGLE_CODE, archived, startsAt,
                    expiresAt, null, terms, enabled, deleted, boundAccountId);
        }
    }

    /** Defaults: a first order of account acct-1, one line of 100.00 USD; the subtotal is the lines' sum. */
    static final class Order {
        private String orderId = "order-1";
        private String accountId = "acct-1";
        private Boolean firstOrder = true;
        private BigDecimal subtotal;
        private List<OrderLine> lines = new ArrayList<>(List.of(line("V1", 1, "100.00")));
        private BigDecimal shippingFee;
        private List<String> codesOnOrder = List.of();
        private String currency = "USD";

        Order orderId(String id) {
            orderId = id;
            return this;
        }

        Order accountId(String id) {
            accountId = id;
            return this;
        }

        Order firstOrder(Boolean first) {
            firstOrder = first;
            return this;
        }

        Order subtotal(String amount) {
            subtotal = new BigDecimal(amount);
            return this;
        }

        Order lines(OrderLine... orderLines) {
            lines = new ArrayList<>(List.of(orderLines));
            return this;
        }

        Order lines(List<OrderLine> orderLines) {
            lines = new ArrayList<>(orderLines);
            return this;
        }

        Order shippingFee(String fee) {
            shippingFee = new BigDecimal(fee);
            return this;
        }

        Order codesOnOrder(String... codes) {
            codesOnOrder = List.of(codes);
            return this;
        }

        Order currency(String code) {
            currency = code;
            return this;
        }

        /** Without {@link #subtotal(String)}, the subtotal is left out: the order's lines add it up. */
        OrderContext build() {
            return new OrderContext(orderId, accountId, firstOrder, subtotal, lines, shippingFee, codesOnOrder,
                    currency);
        }
    }
}
