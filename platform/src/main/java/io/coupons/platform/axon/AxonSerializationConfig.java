package io.coupons.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Jackson 2 mapper Axon's {@code JacksonSerializer} picks up (events, snapshots, tokens). Axon
 * 4.13.0's Jackson 3 serializer cannot read back its own replay tokens, so Axon stays on Jackson 2
 * while Spring MVC uses Boot 4's Jackson 3.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializationConfig {

    @Bean
    public ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Events are forever: a field added later must not break reading older code's events.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
