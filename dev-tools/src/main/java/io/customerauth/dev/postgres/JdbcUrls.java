package io.customerauth.dev.postgres;

import java.util.Properties;
import org.postgresql.Driver;

/** PostgreSQL JDBC URLs: the database they name, and the part of them safe to print. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /** The database of a {@code jdbc:postgresql://host:port/database} URL. */
    public static String databaseName(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        if (parsed == null || parsed.getProperty("PGDBNAME", "").isEmpty()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL with a database name: " + withoutQuery(jdbcUrl));
        }
        return parsed.getProperty("PGDBNAME");
    }

    /** The URL without its query, which may carry a password. */
    public static String withoutQuery(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
