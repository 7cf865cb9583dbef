package io.coupons.platform.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs {@link ProblemErrorReportValve} as the embedded Tomcat host's error valve. */
@Configuration(proxyBeanMethods = false)
public class TomcatErrorConfig {

    @Bean
    public TomcatContextCustomizer problemErrorReportValve() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            } else {
                throw new IllegalStateException("Tomcat context " + context.getName() + " has no StandardHost parent "
                        + "to take the problem-body error valve");
            }
        };
    }
}
