package io.coupons.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link InputTextFilter} right after Spring Security's chain (order -100). */
@Configuration(proxyBeanMethods = false)
public class InputTextFilterConfig {

    @Bean
    public FilterRegistrationBean<InputTextFilter> inputTextFilter(ProblemResponses problems) {
        FilterRegistrationBean<InputTextFilter> registration = new FilterRegistrationBean<>(new InputTextFilter(problems));
        // After Spring Security's chain (order -100): strangers get a 401, not a lesson in what we refuse.
        registration.setOrder(0);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
