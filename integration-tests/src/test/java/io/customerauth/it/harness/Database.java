package io.customerauth.it.harness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL database Keycloak stores into: read access to assert what it really wrote, and statements for the
 * few tests that make the database fail on purpose.
 */
public final class Database {

    private final TestDatabase database;

    Database(TestDatabase database) {
        this.database = database;
    }

    /** Runs a query with positional parameters; every row as column name to value. */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnLabel(column), rows.getObject(column));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Runs one statement that returns no rows, e.g. to take a table away for a failure test and put it back. */
    public void execute(String sql) {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    /** The value of the first column of the only row, or null when there is no row. */
    public Object single(String sql, Object... parameters) {
        List<Map<String, Object>> rows = query(sql, parameters);
        if (rows.size() > 1) {
            throw new AssertionError("expected at most one row, got " + rows.size() + " for " + sql);
        }
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }
}
