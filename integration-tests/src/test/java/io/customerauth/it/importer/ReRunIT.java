package io.customerauth.it.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.databind.JsonNode;

import io.customerauth.importer.cli.SampleHashes;
import io.customerauth.it.harness.Api;
import io.customerauth.it.harness.CustomerAuthIT;
import io.customerauth.it.harness.Database;
import io.customerauth.it.harness.Mailbox;

/**
 * A second run with a newer export keeps the realm in step with it: each rule of a re-run, with the real tool against
 * the real server. Customers are matched by customer_id; email, country and language follow the export; the password
 * hash follows it only while the customer has not set a password in Keycloak; nothing else is touched; customers the
 * export lacks are reported, never deleted.
 */
@CustomerAuthIT
class ReRunIT {

    private final Api api;
    private final ImportTool tool;
    private final Database database;
    private final RealmResource realm;
    private final Mailbox mailbox;

    ReRunIT(Api api, Database database, RealmResource realm, Mailbox mailbox) {
        this.api = api;
        this.tool = new ImportTool(api);
        this.database = database;
        this.realm = realm;
        this.mailbox = mailbox;
    }

    /** One customer of an export. */
    private record Customer(String email, String customerId, String country, String language, String firstName,
                            SampleHashes.Sample hash) {
        Customer email(String value) {
            return new Customer(value, customerId, country, language, firstName, hash);
        }

        Customer country(String value) {
            return new Customer(email, customerId, value, language, firstName, hash);
        }

        Customer language(String value) {
            return new Customer(email, customerId, country, value, firstName, hash);
        }

        Customer firstName(String value) {
            return new Customer(email, customerId, country, language, value, hash);
        }

        Customer hash(SampleHashes.Sample value) {
            return new Customer(email, customerId, country, language, firstName, value);
        }

        String json() {
            return "{\"email\":\"" + email + "\",\"customer_id\":\"" + customerId + "\",\"country\":\"" + country
                    + "\",\"language\":\"" + language + "\",\"first_name\":\"" + firstName + "\""
                    + (hash == null ? "" : ",\"password_hash\":\"" + hash.hash() + "\"") + "}";
        }
    }

    private static Customer customer(SampleHashes.Sample hash) {
        return new Customer("rerun-" + UUID.randomUUID() + "@example.com", UUID.randomUUID().toString(), "FR", "fr",
                "Ana", hash);
    }

    private Path export(Customer... customers) {
        return tool.write(List.of(customers).stream().map(Customer::json).collect(Collectors.joining(",", "[", "]")));
    }

    private ImportTool.Run importing(Path file, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.add(file.toString());
        ImportTool.Run run = tool.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void aNewerExportChangesEmailCountryAndLanguageAndNothingElseOfTheCustomer() {
        Customer first = customer(null);
        Customer second = customer(null);
        Customer third = customer(null);
        importing(export(first, second, third));
        UserResource firstUser = user(first);
        UserRepresentation edited = firstUser.toRepresentation();
        edited.setFirstName("Anabel");
        edited.setRequiredActions(List.of("UPDATE_PROFILE"));
        firstUser.update(edited);
        RoleRepresentation role = realm.roles().get("offline_access").toRepresentation();
        firstUser.roles().realmLevel().add(List.of(role));
        Path report = tool.report();

        ImportTool.Run rerun = importing(export(first.email("moved-" + first.email()).firstName("Bob"),
                second.country("BE"), third.language("en")), "--report", report.toString());

        assertThat(rerun.out()).contains("created      : 0", "updated      : 3", "unchanged    : 0");
        UserRepresentation moved = firstUser.toRepresentation();
        assertThat(moved.getEmail()).isEqualTo("moved-" + first.email());
        assertThat(moved.getUsername()).as("the username follows the email").isEqualTo("moved-" + first.email());
        assertThat(moved.getFirstName()).as("names are not synced").isEqualTo("Anabel");
        assertThat(moved.getRequiredActions()).containsExactly("UPDATE_PROFILE");
        assertThat(firstUser.roles().realmLevel().listEffective()).extracting(RoleRepresentation::getName)
                .contains("offline_access");
        assertThat(attribute(second, "country")).isEqualTo("BE");
        assertThat(attribute(third, "language")).isEqualTo("en");
        assertThat(realm.users().searchByEmail(first.email(), true)).as("the old email is free").isEmpty();
        JsonNode records = ImportTool.json(report).path("records");
        assertThat(StreamSupport.stream(records.spliterator(), false).map(r -> r.path("changes").toString()))
                .containsExactly("[\"email\"]", "[\"country\"]", "[\"language\"]");
    }

    @Test
    void aReRunOfTheSameExportChangesNothing() {
        Customer customer = customer(SampleHashes.BCRYPT);
        Path file = export(customer);
        importing(file);
        Object modified = database.single("select last_modified_timestamp from user_entity where email = ?",
                customer.email());

        ImportTool.Run again = importing(file);

        assertThat(again.out()).contains("created      : 0", "updated      : 0", "unchanged    : 1");
        assertThat(database.single("select last_modified_timestamp from user_entity where email = ?",
                customer.email())).isEqualTo(modified);
    }

    @Test
    void anEmailAnotherUserHoldsIsRejectedAndTheCustomerKeepsTheirs() {
        Customer customer = customer(null);
        Customer other = customer(null);
        importing(export(customer, other));

        ImportTool.Run rerun = tool.run(export(customer.email(other.email()).country("BE")).toString());

        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(3);
        assertThat(rerun.err()).contains("email: already the email or username of another user of the realm");
        assertThat(user(customer).toRepresentation().getEmail()).isEqualTo(customer.email());
        assertThat(attribute(customer, "country")).as("a rejected record changes nothing").isEqualTo("FR");
    }

    @Test
    void aHashTheLegacySystemChangedReplacesTheImportedOne() {
        Customer customer = customer(SampleHashes.BCRYPT);
        importing(export(customer));
        assertThat(api.login(customer.email(), SampleHashes.BCRYPT.password()).status()).isEqualTo(200);

        ImportTool.Run rerun = importing(export(customer.hash(SampleHashes.WERKZEUG_PBKDF2)));

        assertThat(rerun.out()).contains("updated      : 1");
        assertThat(api.login(customer.email(), SampleHashes.WERKZEUG_PBKDF2.password()).status()).isEqualTo(200);
        assertThat(api.login(customer.email(), SampleHashes.BCRYPT.password()).status()).isEqualTo(401);
    }

    @Test
    void aCustomerWhoOnlyLoggedInIsUnchangedByTheSameHashAndStillGetsANewerOne() {
        Customer customer = customer(SampleHashes.BCRYPT);
        importing(export(customer));
        assertThat(api.login(customer.email(), SampleHashes.BCRYPT.password()).status()).isEqualTo(200);
        awaitAlgorithm(customer, "argon2");

        ImportTool.Run same = importing(export(customer));
        ImportTool.Run newer = importing(export(customer.hash(SampleHashes.WERKZEUG_PBKDF2)));

        assertThat(same.out()).as("a login re-hashed the same password: not a change").contains("unchanged    : 1");
        assertThat(newer.out()).contains("updated      : 1");
        assertThat(api.login(customer.email(), SampleHashes.WERKZEUG_PBKDF2.password()).status()).isEqualTo(200);
    }

    @Test
    void aCustomerWhoResetTheirPasswordThroughTheApiBetweenTwoRunsKeepsItAndTheRestIsStillSynced() {
        Customer customer = customer(SampleHashes.BCRYPT);
        importing(export(customer));
        int mails = mailbox.to(customer.email()).size();
        assertThat(api.post("/forgot_password/", Map.of("email", customer.email())).status()).isEqualTo(200);
        String code = mailbox.awaitMail(customer.email(), mails + 1, Duration.ofSeconds(30)).verificationCode();
        assertThat(api.post("/reset_password/", Map.of("email", customer.email(), "verification_code", code,
                "password", "Set-In-Keycloak-77")).status()).isEqualTo(200);
        Path report = tool.report();

        ImportTool.Run rerun = importing(export(customer.hash(SampleHashes.WERKZEUG_PBKDF2).language("de")),
                "--report", report.toString());

        assertThat(rerun.out()).contains("updated      : 1");
        assertThat(attribute(customer, "language")).isEqualTo("de");
        assertThat(api.login(customer.email(), "Set-In-Keycloak-77").status()).isEqualTo(200);
        assertThat(api.login(customer.email(), SampleHashes.WERKZEUG_PBKDF2.password()).status()).isEqualTo(401);
        JsonNode record = ImportTool.json(report).path("records").get(0);
        assertThat(record.path("changes").toString()).isEqualTo("[\"language\"]");
        assertThat(record.path("reason").asText()).isEqualTo("password: set in Keycloak since the import, kept");
    }

    @Test
    void aPasswordAnAdminSetIsKeptToo() {
        Customer customer = customer(SampleHashes.BCRYPT);
        importing(export(customer));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Admin-Set-Secret-88");
        password.setTemporary(false);
        user(customer).resetPassword(password);

        ImportTool.Run rerun = importing(export(customer.hash(SampleHashes.WERKZEUG_PBKDF2)));

        assertThat(rerun.out()).contains("updated      : 0", "unchanged    : 1");
        assertThat(api.login(customer.email(), "Admin-Set-Secret-88").status()).isEqualTo(200);
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndChangesNothing() {
        Customer customer = customer(SampleHashes.BCRYPT);
        Customer fresh = customer(null);
        importing(export(customer));
        Path report = tool.report();

        ImportTool.Run dry = importing(export(customer.country("BE").hash(SampleHashes.WERKZEUG_PBKDF2), fresh),
                "--dry-run", "--report", report.toString());

        assertThat(dry.out()).contains("Dry run", "nothing was written", "created      : 1 (would be created)",
                "updated      : 1 (would change their");
        assertThat(ImportTool.json(report).path("records").get(0).path("changes").toString())
                .isEqualTo("[\"country\",\"password\"]");
        assertThat(attribute(customer, "country")).isEqualTo("FR");
        assertThat(realm.users().searchByEmail(fresh.email(), true)).isEmpty();
        assertThat(api.login(customer.email(), SampleHashes.BCRYPT.password()).status()).isEqualTo(200);
    }

    @Test
    void customersTheExportLacksAreReportedAndNeverDeleted() {
        Customer kept = customer(null);
        Customer dropped = customer(null);
        importing(export(kept, dropped));
        Path report = tool.report();

        ImportTool.Run rerun = importing(export(kept), "--report", report.toString());

        assertThat(rerun.out()).containsPattern("missing      : [1-9][0-9,]* \\(customers of the realm not in the file");
        JsonNode missing = ImportTool.json(report).path("missing");
        String droppedId = user(dropped).toRepresentation().getId();
        assertThat(StreamSupport.stream(missing.spliterator(), false))
                .anySatisfy(entry -> {
                    assertThat(entry.path("customer_id").asText()).isEqualTo(dropped.customerId());
                    assertThat(entry.path("id").asText()).isEqualTo(droppedId);
                })
                .noneSatisfy(entry -> assertThat(entry.path("customer_id").asText()).isEqualTo(kept.customerId()));
        assertThat(realm.users().searchByEmail(dropped.email(), true)).hasSize(1);
    }

    private UserResource user(Customer customer) {
        List<UserRepresentation> found = realm.users().searchByAttributes("customer_id:" + customer.customerId());
        assertThat(found).as("the user of customer %s", customer.customerId()).hasSize(1);
        return realm.users().get(found.get(0).getId());
    }

    private String attribute(Customer customer, String name) {
        return user(customer).toRepresentation().firstAttribute(name);
    }

    private void awaitAlgorithm(Customer customer, String algorithm) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Object data = database.single("select c.credential_data from credential c join user_entity u"
                    + " on u.id = c.user_id where u.email = ? and c.type = 'password'", customer.email());
            if (String.valueOf(data).contains("\"algorithm\":\"" + algorithm + "\"")) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the password of " + customer.email() + " was not re-hashed to " + algorithm);
    }
}
