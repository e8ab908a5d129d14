package io.customerauth.keycloak.customer.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Rows for one table, written with multi-row {@code INSERT ... VALUES (..), (..)} statements of at most
 * {@value #MAX_PARAMETERS} parameters each: a handful of statements per batch instead of one per row, so the database
 * parses and plans a statement per few hundred rows. Parameters are few: a value the whole batch shares (the realm,
 * the default role, a time) is bound once for all rows ({@link #shared}), a value repeated within a row (the email as
 * username and as email constraint) once per row, and {@code null} is written as the SQL literal NULL, so no
 * parameter needs a type.
 */
final class SqlRows {

    static final int MAX_PARAMETERS = 8_000;

    /** A value every row of the statement shares: bound once. */
    record Shared(Object value) {
    }

    /** One statement: its SQL and its parameters, {@code ?1} first. */
    record Statement(String sql, List<Object> parameters) {
    }

    private final String table;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    SqlRows(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
    }

    static Shared shared(Object value) {
        return new Shared(value);
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

    /** Inserts the rows in the entity manager's transaction; returns the number of rows written. */
    int insert(EntityManager em) {
        int written = 0;
        for (Statement statement : statements()) {
            Query insert = em.createNativeQuery(statement.sql());
            for (int p = 0; p < statement.parameters().size(); p++) {
                insert.setParameter(p + 1, statement.parameters().get(p));
            }
            written += insert.executeUpdate();
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
        Map<Object, Integer> sharedIndexes = new HashMap<>();
        for (int r = 0; r < chunk.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            Map<Object, Integer> rowIndexes = new HashMap<>();
            Object[] row = chunk.get(r);
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    sql.append(", ");
                }
                Object value = row[c];
                if (value == null) {
                    sql.append("NULL");
                    continue;
                }
                Map<Object, Integer> indexes = value instanceof Shared ? sharedIndexes : rowIndexes;
                Integer index = indexes.get(value);
                if (index == null) {
                    parameters.add(value instanceof Shared shared ? shared.value() : value);
                    index = parameters.size();
                    indexes.put(value, index);
                }
                sql.append('?').append(index);
            }
            sql.append(')');
        }
        return new Statement(sql.toString(), parameters);
    }
}
