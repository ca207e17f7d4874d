package com.assistantgateway.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's data source, configured by its own {@code application.yml}, on a real MySQL-protocol server
 * ({@code GATEWAY_TEST_MYSQL_URL}): a transaction reads what other connections committed since its first read, as
 * on the embedded H2 most tests run on. MySQL's own default would show it its first snapshot instead.
 */
@SpringBootTest(classes = TransactionIsolationTest.DataSourceOnly.class)
@EnabledIfEnvironmentVariable(named = "GATEWAY_TEST_MYSQL_URL", matches = ".+")
class TransactionIsolationTest {

    @Configuration
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class DataSourceOnly {}

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("GATEWAY_TEST_MYSQL_URL"));
        registry.add(
                "spring.datasource.username", () -> System.getenv().getOrDefault("GATEWAY_TEST_MYSQL_USER", "root"));
        registry.add(
                "spring.datasource.password", () -> System.getenv().getOrDefault("GATEWAY_TEST_MYSQL_PASSWORD", ""));
    }

    @Autowired
    DataSource dataSource;

    private final String table =
            "isolation_probe_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void createTable() throws SQLException {
        execute("CREATE TABLE " + table + " (id INT PRIMARY KEY) ENGINE=InnoDB");
    }

    @AfterEach
    void dropTable() throws SQLException {
        execute("DROP TABLE IF EXISTS " + table);
    }

    @Test
    void aTransactionSeesWhatAnotherInstanceCommittedAfterItsFirstRead() throws SQLException {
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            assertThat(rows(reader)).isZero();

            execute("INSERT INTO " + table + " (id) VALUES (1)"); // another connection, committed

            assertThat(rows(reader)).isEqualTo(1);
            reader.commit();
        }
    }

    private long rows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
