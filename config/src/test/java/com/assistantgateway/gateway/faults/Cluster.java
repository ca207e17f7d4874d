package com.assistantgateway.gateway.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The external profile as docker-compose runs it, without Docker: a database of the test's own on the MariaDB of
 * {@code GATEWAY_TEST_MYSQL_URL} (as {@code .ci/run} provides), one standalone Artemis broker, and gateway instances
 * sharing both, each a {@code java -jar} process of its own.
 */
final class Cluster implements AutoCloseable {

    static final String ADMIN_EMAIL = "ops@gateway.example";
    static final String ADMIN_PASSWORD = "cluster-admin-password";

    final String database;
    final ArtemisProcess broker;
    private final Path work;
    private final Path logs;
    private final Map<String, String> environment;
    private final List<GatewayProcess> instances = new ArrayList<>();

    /** The MariaDB server's URL, or null when this machine has none configured. */
    static String server() {
        String mysql = System.getenv("GATEWAY_TEST_MYSQL_URL");
        return mysql == null || mysql.isBlank() ? null : mysql;
    }

    Cluster(String name, Path work) throws Exception {
        this.work = work;
        this.logs = EmbeddedKillNineFaultIT.LOGS.resolve(name);
        Files.createDirectories(logs);
        String mysql = server();
        String databaseName = "gateway_" + name.replace('-', '_');
        try (Connection db = DriverManager.getConnection(mysql, "root", "")) {
            db.createStatement().execute("DROP DATABASE IF EXISTS " + databaseName);
            db.createStatement().execute("CREATE DATABASE " + databaseName + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + databaseName + " on " + mysql, e);
        }
        this.database = mysql.substring(0, mysql.lastIndexOf('/')) + "/" + databaseName;
        this.broker = new ArtemisProcess(work.resolve("broker"), logs).create().start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.environment = Map.of(
                "GATEWAY_DB_URL",
                database,
                "GATEWAY_DB_USER",
                "root",
                "GATEWAY_DB_PASSWORD",
                "",
                "GATEWAY_BROKER_URL",
                broker.url(),
                "GATEWAY_BROKER_USER",
                ArtemisProcess.USER,
                "GATEWAY_BROKER_PASSWORD",
                ArtemisProcess.PASSWORD,
                "GATEWAY_MASTER_KEY",
                Base64.getEncoder().encodeToString(key),
                "GATEWAY_ADMIN_EMAIL",
                ADMIN_EMAIL,
                "GATEWAY_ADMIN_PASSWORD",
                ADMIN_PASSWORD);
    }

    /** An instance (not yet started) with the external profile, fast sweeps and these arguments besides. */
    GatewayProcess instance(String name, String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--gateway.data-dir=" + work.resolve(name),
                "--gateway.routes.recovery.interval=2s",
                "--gateway.routes.recovery.age=5s",
                "--gateway.routes.binding-sync=2s"));
        all.addAll(List.of(arguments));
        if (all.stream().noneMatch(argument -> argument.startsWith("--spring.profiles.active="))) {
            all.add("--spring.profiles.active=external");
        }
        GatewayProcess instance = new GatewayProcess(name, logs, all, environment);
        instances.add(instance);
        return instance;
    }

    @Override
    public void close() {
        instances.forEach(GatewayProcess::close);
        broker.close();
    }
}
