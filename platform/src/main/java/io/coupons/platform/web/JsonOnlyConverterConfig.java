package io.coupons.platform.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are {@code application/json} and nothing else. Spring's Jackson converter reads
 * every {@code application/*+json}, so a {@code application/json-patch+json} or
 * {@code merge-patch+json} body was silently taken as a whole document (a patch read as a
 * replacement); now it is a 415. Answers still go out as {@code application/json} and, for
 * errors, {@code application/problem+json}. The server's finished converter list gets this converter
 * in place of Jackson's, at the same position (after the byte-array and string converters, so
 * {@code byte[]} answers such as the OpenAPI description are still written as they are). Only
 * Spring's own class is replaced: subclasses registered by libraries (springdoc's, limited to its
 * own types) keep their restrictions. YAML and XML readers are dropped.
 */
@Configuration(proxyBeanMethods = false)
public class JsonOnlyConverterConfig {

    @Bean
    public ServerHttpMessageConvertersCustomizer jsonBodiesOnly(JsonMapper jsonMapper) {
        JsonBodiesOnly jsonBodiesOnly = new JsonBodiesOnly(jsonMapper);
        return converters -> converters.configureMessageConvertersList(list -> {
            list.replaceAll(converter ->
                    converter.getClass() == JacksonJsonHttpMessageConverter.class ? jsonBodiesOnly : converter);
            list.removeIf(JsonOnlyConverterConfig::readsYamlOrXml);
        });
    }

    /**
     * YAML and XML converters come along with libraries on the classpath (Jackson's YAML module,
     * JAXB); they would read a request body in those formats with none of the JSON reader's rules.
     * No answer of ours is YAML or XML (springdoc writes its YAML description as bytes).
     */
    private static boolean readsYamlOrXml(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> type.getSubtype().contains("yaml") || type.getSubtype().contains("xml"));
    }

    static final class JsonBodiesOnly extends JacksonJsonHttpMessageConverter {

        JsonBodiesOnly(JsonMapper mapper) {
            super(mapper);
        }

        @Override
        public boolean canRead(ResolvableType type, MediaType mediaType) {
            return (mediaType == null || MediaType.APPLICATION_JSON.equalsTypeAndSubtype(mediaType))
                    && super.canRead(type, mediaType);
        }
    }
}
