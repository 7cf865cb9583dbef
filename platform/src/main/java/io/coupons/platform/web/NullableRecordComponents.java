package io.coupons.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Describes each record's components as the JSON answers carry them: a component marked with
 * JSpecify's {@code @Nullable} is {@code nullable} (its value may be {@code null}); every other one is
 * {@code required} (always present, never null: Jackson writes every component). Once the whole
 * description is built, the schemas that request bodies reach lose their {@code required} lists
 * again: a request may leave fields out (an omitted boolean is false, an omitted list empty).
 *
 * <p>OpenAPI 3.0 ignores {@code nullable} next to a {@code $ref}, so a nullable object becomes
 * {@code allOf: [$ref], nullable: true}; a nullable enum lists {@code null} among its values, as
 * OpenAPI 3.0.3 requires for validators to accept it.
 */
public class NullableRecordComponents implements ModelConverter, OpenApiCustomizer {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (schema == null || raw == null || !raw.isRecord()) {
            return schema;
        }
        Schema<?> model = schema.get$ref() == null ? schema
                : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model != null && model.getProperties() != null) {
            describe(raw, model);
        }
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describe(Class<?> record, Schema<?> model) {
        Map<String, Schema> properties = model.getProperties();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Schema property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                required.add(component.getName());
            } else if (property.get$ref() != null) {
                properties.put(component.getName(), new ComposedSchema()
                        .addAllOfItem(new Schema<>().$ref(property.get$ref()))
                        .nullable(true).description(property.getDescription()));
            } else {
                property.setNullable(true);
                if (property.getEnum() != null && !property.getEnum().contains(null)) {
                    property.getEnum().add(null);
                }
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() != null && api.getComponents() != null) {
            optionalInRequests(api);
        }
    }

    /** Every schema a request body reaches keeps no required list. */
    @SuppressWarnings("rawtypes")
    private static void optionalInRequests(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Deque<Schema<?>> pending = new ArrayDeque<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> pending.add(media.getSchema()));
            }
        }));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.pop();
            if (schema == null) {
                continue;
            }
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                if (seen.add(name) && schemas != null && schemas.get(name) != null) {
                    Schema<?> named = schemas.get(name);
                    named.setRequired(null);
                    pending.add(named);
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(pending::add);
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            if (schema.getAllOf() != null) {
                schema.getAllOf().forEach(pending::add);
            }
        }
    }
}
