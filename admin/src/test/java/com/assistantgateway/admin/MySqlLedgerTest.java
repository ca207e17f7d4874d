package com.assistantgateway.admin;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same contract on a real MySQL-protocol server; the migrations run there unchanged, from a clean schema. */
@SpringBootTest
@EnabledIfEnvironmentVariable(named = "GATEWAY_TEST_MYSQL_URL", matches = ".+")
class MySqlLedgerTest extends LedgerContractTest {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("GATEWAY_TEST_MYSQL_URL"));
        registry.add(
                "spring.datasource.username", () -> System.getenv().getOrDefault("GATEWAY_TEST_MYSQL_USER", "root"));
        registry.add(
                "spring.datasource.password", () -> System.getenv().getOrDefault("GATEWAY_TEST_MYSQL_PASSWORD", ""));
        registry.add("spring.flyway.clean-disabled", () -> "false");
    }

    @TestConfiguration
    static class CleanSchema {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return (Flyway flyway) -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
