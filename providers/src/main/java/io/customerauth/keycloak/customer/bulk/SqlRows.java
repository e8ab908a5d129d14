package io.customerauth.keycloak.customer.bulk;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Rows for one table, written with multi-row {@code INSERT ... VALUES (..), (..)} statements of at most
 * {@value #MAX_PARAMETERS} parameters each: a handful of statements per batch instead of one per row, so the database
 * parses and plans a statement per few hundred rows. A {@code null} value is written as the SQL literal NULL, so no
 * parameter needs a type.
 */
final class SqlRows {

    static final int MAX_PARAMETERS = 8_000;

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

    int size() {
        return rows.size();
    }

    /** Inserts the rows in the entity manager's transaction; returns the number of rows written. */
    int insert(EntityManager em) {
        int rowsPerStatement = Math.max(1, MAX_PARAMETERS / columns.size());
        int written = 0;
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                    .append(String.join(", ", columns)).append(") VALUES ");
            List<Object> parameters = new ArrayList<>(chunk.size() * columns.size());
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
                        parameters.add(row[c]);
                        sql.append('?').append(parameters.size());
                    }
                }
                sql.append(')');
            }
            Query insert = em.createNativeQuery(sql.toString());
            for (int p = 0; p < parameters.size(); p++) {
                insert.setParameter(p + 1, parameters.get(p));
            }
            written += insert.executeUpdate();
        }
        return written;
    }
}
