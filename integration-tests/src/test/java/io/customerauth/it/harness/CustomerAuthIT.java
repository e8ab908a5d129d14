package io.customerauth.it.harness;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integration test that runs against the shared stack: a real Keycloak with the pack, PostgreSQL and
 * GreenMail. Constructors and test methods may ask for {@link Api}, {@link Customers}, {@link Events},
 * {@link Mailbox}, {@link Database}, {@link ServerLog}, the admin {@code Keycloak} client, the realm's
 * {@code RealmResource} or the {@link TestStack} itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StackExtension.class)
public @interface CustomerAuthIT {
}
