package io.coupons.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * OpenAPI description (at /v3/api-docs, Swagger UI at /swagger-ui.html) with both credentials, every
 * error answer ({@link ProblemDocumentation}) and null where answers hold null
 * ({@link NullableRecordComponents}). It is OpenAPI 3.0 ({@code springdoc.api-docs.version}), the
 * version validators and client generators read best.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    static {
        // A streamed download is bytes (text/csv, application/zip), not an object.
        SpringDocUtils.getConfig().replaceWithSchema(StreamingResponseBody.class,
                new StringSchema().format("binary"));
    }

    @Bean
    public OpenAPI couponsOpenApi(@Value("${coupons.api.title:Coupon service}") String title) {
        return new OpenAPI()
                .info(new Info().title(title).version("v1")
                        .description("Errors are RFC 9457 problem details with a stable 'code'."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    public OpenApiCustomizer problemDocumentation() {
        return new ProblemDocumentation();
    }

    /** Both a model converter (each record's schema) and a customizer (request schemas). */
    @Bean
    public NullableRecordComponents nullableRecordComponents() {
        return new NullableRecordComponents();
    }
}
