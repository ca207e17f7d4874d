package com.assistantgateway.admin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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

    static final String DATABASE = "gateway_ledger_test";

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", MySqlLedgerTest::ownDatabase);
        registry.add(
                "spring.datasource.username", () -> System.getenv().getOrDefault("GATEWAY_TEST_MYSQL_USER", "root"));
        registry.add(
                "spring.datasource.password", () -> System.getenv().getOrDefault("GATEWAY_TEST_MYSQL_PASSWORD", ""));
        registry.add("spring.flyway.clean-disabled", () -> "false");
    }

    /** A database of this test's own on the server GATEWAY_TEST_MYSQL_URL names: the clean below drops everything. */
    static String ownDatabase() {
        String server = System.getenv("GATEWAY_TEST_MYSQL_URL");
        String base = server.substring(0, server.lastIndexOf('/'));
        try (Connection db = DriverManager.getConnection(
                server,
                System.getenv().getOrDefault("GATEWAY_TEST_MYSQL_USER", "root"),
                System.getenv().getOrDefault("GATEWAY_TEST_MYSQL_PASSWORD", ""))) {
            db.createStatement().execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + DATABASE + " on " + server, e);
        }
        return base + "/" + DATABASE;
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
