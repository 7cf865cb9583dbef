package io.coupons.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The API's JSON is read strictly: a value must have the type the field has. Jackson's defaults
 * would take {@code "quantity": 1.5} as 1, {@code "quantity": "1"} as a number, {@code "name": 5}
 * as text and the last of two {@code "quantity"} keys; each of those hides a client bug, so each is
 * a 400 naming the field. Text with control characters (NUL above all, which PostgreSQL cannot
 * store) and instants that are not ISO-8601 text in years 0001–9999 are refused here too, once,
 * for every body of both sides. (Axon's own serializer is a separate Jackson 2 mapper, untouched.)
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfig {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @Bean
    public JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // "" or a blank string (Jackson's blank includes NUL, which String.trim drops) is not
                // a missing number, flag, id or instant: without this "\u0000" read as null.
                .withCoercionConfigDefaults(all -> all.setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, flag -> flag
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, number -> number
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, number -> number
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .addModule(new SimpleModule("coupons-strict-input")
                        .addDeserializer(String.class, new CleanTextDeserializer())
                        .addDeserializer(Instant.class, new IsoInstantDeserializer()));
    }

    /** Jackson's own reading of text, then the one rule of {@link InputText}. */
    static final class CleanTextDeserializer extends StdScalarDeserializer<String> {

        CleanTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !InputText.isClean(text)) {
                throw new RefusedValue(parser, InputText.refusal(text), String.class);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /**
     * An instant is ISO-8601 text with an offset ({@code 2026-06-01T00:00:00Z}): a bare number is
     * ambiguous (seconds? milliseconds?) and {@code 99999999999999} read as seconds is the year
     * three million. Years outside 0001–9999 are refused before any arithmetic can overflow.
     */
    static final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

        IsoInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(parser, "must be an ISO-8601 instant such as 2026-06-01T00:00:00Z",
                        Instant.class);
            }
            String text = parser.getString().strip();
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new RefusedValue(parser, "'" + shortened(text) + "' is not an ISO-8601 instant such as "
                        + "2026-06-01T00:00:00Z", Instant.class);
            }
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new RefusedValue(parser, "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z",
                        Instant.class);
            }
            return instant;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** A value refused for a reason of ours; {@link BodyErrors} reports its message as it is. */
    static final class RefusedValue extends InvalidFormatException {

        RefusedValue(JsonParser parser, String message, Class<?> target) {
            super(parser, message, null, target);
        }
    }
}
