package io.coupons.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link InputTextFilter} right after Spring Security's chain (order -100). */
@Configuration(proxyBeanMethods = false)
public class InputTextFilterConfig {

    @Bean
    public FilterRegistrationBean<InputTextFilter> inputTextFilter(ProblemResponses problems) {
        FilterRegistrationBean<InputTextFilter> registration = new FilterRegistrationBean<>(new InputTextFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1_000_000);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
