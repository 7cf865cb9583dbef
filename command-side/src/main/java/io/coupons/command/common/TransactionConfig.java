package io.coupons.command.common;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The command side's transactions are plain JDBC ones. Everything it writes in a command's
 * transaction goes through the transaction's connection with SQL (the ledger, the lookup tables,
 * the code registry) or through Axon's JDBC event store, and it runs no streaming processor, so
 * nothing uses JPA there; Boot's JPA transaction manager (which it backs off from for this bean)
 * opened and closed a Hibernate session around every command for nothing (3 % of the command
 * side's samples in the redemption benchmark's profile). Hibernate still starts, to validate
 * Axon's tables.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionConfig {

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }
}
