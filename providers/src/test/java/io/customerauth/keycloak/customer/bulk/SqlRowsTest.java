package io.customerauth.keycloak.customer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlRowsTest {

    @Test
    void bindsEveryValueInOrderAndWritesNullAsALiteral() {
        SqlRows rows = new SqlRows("user_entity", List.of("id", "username", "email", "realm_id", "first_name"));
        rows.add("u1", "a@example.com", "a@example.com", "realm-1", null);
        rows.add("u2", "b@example.com", "b@example.com", "realm-1", "Bea");

        List<SqlRows.Statement> statements = rows.statements();

        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).sql()).isEqualTo("INSERT INTO user_entity (id, username, email, realm_id,"
                + " first_name) VALUES (?, ?, ?, ?, NULL), (?, ?, ?, ?, ?)");
        assertThat(statements.get(0).parameters()).containsExactly("u1", "a@example.com", "a@example.com", "realm-1",
                "u2", "b@example.com", "b@example.com", "realm-1", "Bea");
    }

    @Test
    void splitsRowsIntoStatementsOfAtMostTheParameterLimit() {
        SqlRows rows = new SqlRows("user_role_mapping", List.of("role_id", "user_id"));
        for (int i = 0; i < SqlRows.MAX_PARAMETERS; i++) {
            rows.add("role", "user-" + i);
        }

        List<SqlRows.Statement> statements = rows.statements();

        assertThat(statements).hasSize(2);
        assertThat(statements).allSatisfy(statement ->
                assertThat(statement.parameters().size()).isLessThanOrEqualTo(SqlRows.MAX_PARAMETERS));
        assertThat(statements.stream().mapToInt(s -> s.parameters().size()).sum())
                .isEqualTo(2 * SqlRows.MAX_PARAMETERS);
    }
}
