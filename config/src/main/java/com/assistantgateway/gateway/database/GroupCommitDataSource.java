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
 * The gateway's H2 data source, whose commits return once they are on the file ({@link GroupCommit}): an explicit
 * {@code commit()} (Spring's transactions, Bucket4j's), ending a transaction by turning auto-commit on, and a write
 * outside a transaction (a statement run in auto-commit mode that changed rows). Reads pass straight through.
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
            boolean endsTransaction =
                    name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]) && !target.getAutoCommit();
            Object result = call(target, method, args);
            if (name.equals("commit") || endsTransaction) {
                commits.awaitWritten(target);
            } else if (result instanceof Statement statement) {
                return durable(statement, proxy);
            }
            return result;
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
                        if (changedRows(method, result) && target.getAutoCommit()) {
                            commits.awaitWritten(target);
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
