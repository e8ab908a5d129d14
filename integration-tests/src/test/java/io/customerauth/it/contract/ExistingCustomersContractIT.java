package io.customerauth.it.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the bulk import's fast lookup ({@code customer/bulk/ExistingCustomers}) relies on inside the Keycloak
 * distribution the pack runs on, whose JPA module cannot be a build dependency: Keycloak's
 * {@code JpaConnectionProvider} by name with its {@code getEntityManager()}, and the entities its two JPQL queries
 * name, with the fields they read. Read from the distribution's own jars, without starting it: a Keycloak version
 * that renames any of it fails here, where {@code BulkEndpointIT} would only see the slow path taken.
 */
class ExistingCustomersContractIT {

    private static URLClassLoader keycloak;

    @BeforeAll
    static void loadTheDistributionsJars() throws IOException {
        Path lib = Path.of(System.getProperty("customerauth.keycloak.dist")).resolve("lib/lib/main");
        URL[] jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(file -> file.toString().endsWith(".jar")).map(ExistingCustomersContractIT::url)
                    .toArray(URL[]::new);
        }
        keycloak = new URLClassLoader(jars, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        keycloak.close();
    }

    @Test
    void theJpaConnectionProviderHandsOutTheEntityManager() throws Exception {
        Class<?> provider = keycloak.loadClass("org.keycloak.connections.jpa.JpaConnectionProvider");
        Method getEntityManager = provider.getMethod("getEntityManager");

        assertThat(keycloak.loadClass("org.keycloak.provider.Provider")).isAssignableFrom(provider);
        assertThat(getEntityManager.getReturnType().getName()).isEqualTo("jakarta.persistence.EntityManager");
    }

    @Test
    void theUserEntityHasTheNameAndFieldsTheEmailQueryReads() throws Exception {
        Class<?> user = keycloak.loadClass("org.keycloak.models.jpa.entities.UserEntity");

        assertThat(entityName(user)).isEqualTo("UserEntity");
        assertThat(user.getDeclaredField("email").getType()).isEqualTo(String.class);
        assertThat(user.getDeclaredField("username").getType()).isEqualTo(String.class);
        assertThat(user.getDeclaredField("realmId").getType()).isEqualTo(String.class);
    }

    @Test
    void theUserAttributeEntityHasTheNameAndFieldsTheCustomerIdQueryReads() throws Exception {
        Class<?> attribute = keycloak.loadClass("org.keycloak.models.jpa.entities.UserAttributeEntity");

        assertThat(entityName(attribute)).isEqualTo("UserAttributeEntity");
        assertThat(attribute.getDeclaredField("name").getType()).isEqualTo(String.class);
        assertThat(attribute.getDeclaredField("value").getType()).isEqualTo(String.class);
        assertThat(attribute.getDeclaredField("user").getType().getName())
                .isEqualTo("org.keycloak.models.jpa.entities.UserEntity");
    }

    @Test
    void userFederationIsStillAComponentOfTheUserStorageProviderType() throws Exception {
        assertThat(keycloak.loadClass("org.keycloak.storage.UserStorageProvider").isInterface()).isTrue();
    }

    /** The JPQL name of an entity: its {@code @Entity(name)}, or its simple class name when that is empty. */
    @SuppressWarnings("unchecked")
    private static String entityName(Class<?> entity) throws Exception {
        Class<? extends Annotation> annotation =
                (Class<? extends Annotation>) keycloak.loadClass("jakarta.persistence.Entity");
        Annotation present = entity.getAnnotation(annotation);
        assertThat(present).as("%s is a JPA entity", entity.getSimpleName()).isNotNull();
        String name = (String) annotation.getMethod("name").invoke(present);
        return name.isEmpty() ? entity.getSimpleName() : name;
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
