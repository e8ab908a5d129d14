package io.customerauth.bench.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers created per second, read back from PostgreSQL (Keycloak stamps every user with its creation time), from
 * the first one created at or after a given moment; and the longest gap between two creations.
 *
 * @param firstMillis the first creation's time (epoch ms), or the given moment when there was none
 * @param perSecond   creations in each second since the first one
 */
public record CreationTimeline(long firstMillis, long created, double[] seconds, double[] perSecond, double longestGapMillis,
                        double gapAtSeconds) {

    /**
     * The users of realm {@code customers} created at or after {@code fromMillis} whose email is like
     * {@code emailPattern} ({@code %} for all).
     */
    static CreationTimeline read(Connection connection, long fromMillis, String emailPattern) throws SQLException {
        String where = " FROM user_entity WHERE realm_id = (SELECT id FROM realm WHERE name = 'customers')"
                + " AND email LIKE ? AND created_timestamp >= ?";
        long first = fromMillis;
        try (PreparedStatement query = connection.prepareStatement("SELECT min(created_timestamp)" + where)) {
            query.setString(1, emailPattern);
            query.setLong(2, fromMillis);
            try (ResultSet row = query.executeQuery()) {
                if (row.next() && row.getLong(1) > 0) {
                    first = row.getLong(1);
                }
            }
        }
        List<long[]> rows = new ArrayList<>();
        long created = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT (created_timestamp - ?) / 1000, count(*)"
                + where + " GROUP BY 1 ORDER BY 1")) {
            query.setLong(1, first);
            query.setString(2, emailPattern);
            query.setLong(3, fromMillis);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new long[] {row.getLong(1), row.getLong(2)});
                    created += row.getLong(2);
                }
            }
        }
        double[] seconds = new double[rows.isEmpty() ? 0 : (int) rows.get(rows.size() - 1)[0] + 1];
        double[] perSecond = new double[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = i;
        }
        rows.forEach(row -> perSecond[(int) row[0]] = row[1]);
        double gap = 0;
        double gapAt = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT gap, at FROM (SELECT created_timestamp"
                + " - lag(created_timestamp) OVER (ORDER BY created_timestamp) AS gap, created_timestamp - ? AS at"
                + where + ") gaps WHERE gap IS NOT NULL ORDER BY gap DESC LIMIT 1")) {
            query.setLong(1, first);
            query.setString(2, emailPattern);
            query.setLong(3, fromMillis);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    gap = row.getLong(1);
                    gapAt = row.getLong(2) / 1000.0;
                }
            }
        }
        return new CreationTimeline(first, created, seconds, perSecond, gap, gapAt);
    }
}
