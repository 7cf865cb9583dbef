package io.coupons.platform.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a Spring test context at a fresh database of the shared embedded PostgreSQL, with the test logins. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestPostgres.newDatabase(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres").and(TestUsers.PROPERTIES).applyTo(context);
        TestPostgres.register(context);
    }
}
