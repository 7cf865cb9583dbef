package io.coupons.ui;

import io.coupons.platform.time.ClockConfig;
import io.coupons.platform.web.ApiProblemAdvice;
import io.coupons.platform.web.ProblemErrorController;
import io.coupons.platform.web.ProblemResponses;
import io.coupons.platform.web.TomcatErrorConfig;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The admin UI: server-rendered screens over both sides' REST API, one origin for the browser. It
 * holds no business rule and no data: every answer comes from the query side, every change is a
 * command-side request made as the person signed in. From platform it takes only the problem bodies
 * and the edge's defences (Tomcat's, the firewall's and Spring's refusals, a bad parameter, an
 * unexpected failure), so what it refuses below its screens looks like the API's refusals.
 */
@SpringBootApplication(scanBasePackages = "io.coupons.ui")
@Import({ProblemResponses.class, ProblemErrorController.class, TomcatErrorConfig.class, ApiProblemAdvice.class,
        ClockConfig.class})
public class AdminUiApplication {

    /** Its own config name, so the three applications can share one classpath in the local launcher. */
    public static final String CONFIG_NAME = "admin-ui";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(AdminUiApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME,
                        StatelessAutoConfigurationFilter.PROPERTY + "=true")
                .run(args);
    }
}
