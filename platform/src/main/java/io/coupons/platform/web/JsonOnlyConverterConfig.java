package io.coupons.platform.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are {@code application/json} and nothing else. Spring's Jackson converter reads
 * every {@code application/*+json}, so a {@code application/json-patch+json} or
 * {@code merge-patch+json} body was silently taken as a whole document (a patch read as a
 * replacement); now it is a 415. Answers still go out as {@code application/json} and, for
 * errors, {@code application/problem+json}. Being a bean of the converter's type makes Boot's own
 * JSON customizer back off ({@code @ConditionalOnMissingBean}), and ours hands this converter to
 * the server's list as its JSON converter, in place of the one Spring would detect and add.
 */
@Configuration(proxyBeanMethods = false)
public class JsonOnlyConverterConfig {

    @Bean
    public JacksonJsonHttpMessageConverter jsonBodiesOnlyConverter(JsonMapper jsonMapper) {
        return new JsonBodiesOnly(jsonMapper);
    }

    @Bean
    public ServerHttpMessageConvertersCustomizer jsonBodiesOnly(JacksonJsonHttpMessageConverter jsonBodiesOnlyConverter) {
        return converters -> converters.withJsonConverter(jsonBodiesOnlyConverter);
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
