package com.assistantgateway.gateway.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The gateway's H2 data source, whose writes return once they are on the file ({@link GroupCommit}): the commit of a
 * transaction that changed rows (by {@code commit()}, Spring's and Bucket4j's, or by turning auto-commit on), and a
 * statement outside a transaction that may have changed rows. Reads, and transactions that only read, pass straight
 * through.
 */
final class GroupCommitDataSource extends DelegatingDataSource {

    private static final Set<String> UPDATES =
            Set.of("executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final GroupCommit commits;

    GroupCommitDataSource(DataSource target, GroupCommit commits) {
        super(target);
        this.commits = commits;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return durable(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return durable(super.getConnection(username, password));
    }

    private Connection durable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                ConnectionProxy.class.getClassLoader(),
                new Class<?>[] {ConnectionProxy.class},
                new DurableConnection(connection));
    }

    private final class DurableConnection implements InvocationHandler {

        private final Connection target;
        /** The transaction under way changed rows: its end must be written (a read-only one needs no write). */
        private boolean changed;

        DurableConnection(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("getTargetConnection")) {
                return target;
            }
            if (method.getDeclaringClass() == Object.class) {
                return identity(proxy, method, args);
            }
            // Turning auto-commit on commits the transaction under way.
            boolean commit = name.equals("commit")
                    || (name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]) && !target.getAutoCommit());
            boolean rollback = name.equals("rollback") && (args == null || args.length == 0);
            Object result = call(target, method, args);
            if (commit && changed) {
                commits.awaitWritten(target);
            }
            if (commit || rollback) {
                changed = false;
            } else if (result instanceof Statement statement) {
                return durable(statement, proxy);
            }
            return result;
        }

        /** After a statement that may have changed rows: written now outside a transaction, at its commit inside one. */
        private void afterChange() throws SQLException {
            if (target.getAutoCommit()) {
                commits.awaitWritten(target);
            } else {
                changed = true;
            }
        }

        private Statement durable(Statement statement, Object connection) {
            Class<?> type = statement instanceof CallableStatement
                    ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return (Statement) Proxy.newProxyInstance(
                    Statement.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            return connection;
                        }
                        if (method.getDeclaringClass() == Object.class) {
                            return identity(self, method, args);
                        }
                        Object result = call(statement, method, args);
                        if (changedRows(method, result)) {
                            afterChange();
                        }
                        return result;
                    });
        }
    }

    /** A statement that may have changed rows: an update, a batch, or {@code execute} that gave no result set. */
    private static boolean changedRows(Method method, Object result) {
        return UPDATES.contains(method.getName())
                || (method.getName().equals("execute") && Boolean.FALSE.equals(result));
    }

    /** A proxy is equal only to itself, as the pool's own connection and statement objects are. */
    private static Object identity(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "durable " + Integer.toHexString(System.identityHashCode(proxy));
        };
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failed) {
            throw failed.getCause();
        }
    }
}
