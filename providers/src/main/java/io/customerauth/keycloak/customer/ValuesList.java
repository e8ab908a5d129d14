package io.customerauth.keycloak.customer;

import java.util.List;

import jakarta.persistence.Query;

/**
 * A native query's {@code (VALUES (?1), (?2), ..)}: one row per value, its parameters numbered first, so that the query
 * can join hundreds of values as rows (a batch's advisory locks, a batch's lookups) instead of an {@code IN} list.
 */
public final class ValuesList {

    private ValuesList() {
    }

    /** {@code (VALUES (?1), (?2), .., (?count))}. */
    public static String of(int count) {
        StringBuilder values = new StringBuilder("(VALUES ");
        for (int i = 1; i <= count; i++) {
            values.append(i == 1 ? "(?" : ", (?").append(i).append(')');
        }
        return values.append(')').toString();
    }

    /** Binds {@code values} to parameters 1 to n, then {@code constants} to the parameters after them. */
    public static void bind(Query query, List<?> values, Object... constants) {
        int parameter = 0;
        for (Object value : values) {
            query.setParameter(++parameter, value);
        }
        for (Object constant : constants) {
            query.setParameter(++parameter, constant);
        }
    }
}
