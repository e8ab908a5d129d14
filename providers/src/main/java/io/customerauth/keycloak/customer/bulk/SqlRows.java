package io.customerauth.keycloak.customer.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for one table, written with multi-row {@code INSERT ... VALUES (..), (..)} statements of at most
 * {@value #MAX_PARAMETERS} parameters each, on the transaction's JDBC connection: a handful of statements per batch
 * instead of one per row. A batch's statements of the same size have the same text, so the driver prepares each once
 * per connection and PostgreSQL plans it once. Plain JDBC rather than Hibernate native queries: with thousands of
 * parameters, Hibernate's parsing of the text and its parameter bindings took half of Keycloak's time in these
 * inserts. {@code null} is written as the SQL literal NULL, so no parameter needs a type.
 */
final class SqlRows {

    static final int MAX_PARAMETERS = 8_000;

    /** One statement: its SQL and its parameters in order. */
    record Statement(String sql, List<Object> parameters) {
    }

    private final String table;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    SqlRows(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
    }

    void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + " has " + columns.size() + " columns, not " + values.length);
        }
        rows.add(values);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Inserts the rows on the transaction's connection; returns the number of rows written. */
    int insert(Connection connection) throws SQLException {
        int written = 0;
        for (Statement statement : statements()) {
            try (PreparedStatement insert = connection.prepareStatement(statement.sql())) {
                for (int p = 0; p < statement.parameters().size(); p++) {
                    insert.setObject(p + 1, statement.parameters().get(p));
                }
                written += insert.executeUpdate();
            }
        }
        return written;
    }

    /** The statements {@link #insert} runs. */
    List<Statement> statements() {
        int rowsPerStatement = Math.max(1, MAX_PARAMETERS / columns.size());
        List<Statement> statements = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            statements.add(statement(rows.subList(from, Math.min(rows.size(), from + rowsPerStatement))));
        }
        return statements;
    }

    private Statement statement(List<Object[]> chunk) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", columns)).append(") VALUES ");
        List<Object> parameters = new ArrayList<>();
        for (int r = 0; r < chunk.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            Object[] row = chunk.get(r);
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    sql.append(", ");
                }
                if (row[c] == null) {
                    sql.append("NULL");
                } else {
                    sql.append('?');
                    parameters.add(row[c]);
                }
            }
            sql.append(')');
        }
        return new Statement(sql.toString(), parameters);
    }
}
