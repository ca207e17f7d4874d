package com.assistantgateway.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a commit leaves on H2's file when it returns, read from a copy of the file taken at that moment: what a process
 * killed then would find at its restart. H2 is told to write in the background only a minute later, so whatever the
 * copy holds was written by the commit itself.
 */
class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void aCommitAndAWriteOutsideATransactionAreOnTheFileWhenTheyReturn() throws Exception {
        DataSource database = new GroupCommitDataSource(h2("live"), new GroupCommit());
        try (Connection connection = database.getConnection()) {
            createTable(connection);
            connection.setAutoCommit(false);
            insert(connection, "in a transaction");
            connection.commit();
            connection.setAutoCommit(true);
            insert(connection, "outside a transaction");

            assertThat(rowsAfterACrashNow("live"))
                    .containsExactlyInAnyOrder("in a transaction", "outside a transaction");
        }
    }

    @Test
    void withoutItTheSameCommitsAreNotOnTheFileYet() throws Exception {
        try (Connection connection = h2("live").getConnection()) {
            createTable(connection);
            connection.createStatement().execute("CHECKPOINT"); // the table is on the file, the rows below are not
            connection.setAutoCommit(false);
            insert(connection, "in a transaction");
            connection.commit();

            assertThat(rowsAfterACrashNow("live")).isEmpty();
        }
    }

    @Test
    void aTransactionThatOnlyReadAndTheEndOfOneAlreadyCommittedWriteNothing() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        GroupCommit commits = new GroupCommit(connection -> {
            writes.incrementAndGet();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        });
        DataSource database = new GroupCommitDataSource(h2("live"), commits);
        try (Connection connection = database.getConnection()) {
            createTable(connection); // written: 1
            connection.setAutoCommit(false);
            insert(connection, "in a transaction");
            connection.commit(); // written: 2
            connection.setAutoCommit(true); // ends a transaction with nothing in it, as Spring does after each one
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT COUNT(*) FROM notes").close();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
        assertThat(writes).hasValue(2);
    }

    @Test
    void concurrentCommitsAreAllOnTheFileWhenTheyReturn() throws Exception {
        DataSource database = new GroupCommitDataSource(h2("live"), new GroupCommit());
        try (Connection connection = database.getConnection()) {
            createTable(connection);
        }
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int sender = 0; sender < 8; sender++) {
                int s = sender;
                done.add(senders.submit(() -> {
                    try (Connection connection = database.getConnection()) {
                        connection.setAutoCommit(false);
                        for (int i = 0; i < 25; i++) {
                            insert(connection, s + "-" + i);
                            connection.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(rowsAfterACrashNow("live")).hasSize(8 * 25);
    }

    @Test
    void commitsThatArriveDuringAWriteShareTheNextOne() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        GroupCommit commits = new GroupCommit(connection -> {
            if (writes.incrementAndGet() == 1) {
                firstWriteStarted.countDown();
                awaitRelease(releaseFirstWrite);
            }
        });
        ExecutorService committers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            done.add(committers.submit(() -> commit(commits)));
            assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 5; i++) {
                done.add(committers.submit(() -> commit(commits)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 5);
            releaseFirstWrite.countDown();
            for (Future<?> each : done) {
                each.get(10, TimeUnit.SECONDS);
            }
        } finally {
            committers.shutdownNow();
        }
        assertThat(writes).hasValue(2);
    }

    private Void commit(GroupCommit commits) throws SQLException {
        commits.awaitWritten(null);
        return null;
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JdbcDataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve(name).resolve("db") + ";WRITE_DELAY=60000;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (text VARCHAR(100) NOT NULL)");
        }
    }

    private static void insert(Connection connection, String text) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO notes (text) VALUES (?)")) {
            insert.setString(1, text);
            insert.executeUpdate();
        }
    }

    /** The rows a process killed now would find: the database file as it is, opened as a database of its own. */
    private List<String> rowsAfterACrashNow(String name) throws Exception {
        Path image = dir.resolve("image-" + System.nanoTime());
        Files.createDirectories(image);
        Files.copy(dir.resolve(name).resolve("db.mv.db"), image.resolve("db.mv.db"));
        JdbcDataSource copy = new JdbcDataSource();
        copy.setURL("jdbc:h2:file:" + image.resolve("db"));
        copy.setUser("sa");
        List<String> rows = new ArrayList<>();
        try (Connection connection = copy.getConnection();
                Statement statement = connection.createStatement()) {
            boolean table = connection
                    .getMetaData()
                    .getTables(null, null, "NOTES", null)
                    .next();
            if (table) {
                try (ResultSet found = statement.executeQuery("SELECT text FROM notes")) {
                    while (found.next()) {
                        rows.add(found.getString(1));
                    }
                }
            }
            statement.execute("SHUTDOWN");
        }
        return rows;
    }
}
