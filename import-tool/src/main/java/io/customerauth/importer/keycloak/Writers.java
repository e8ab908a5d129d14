package io.customerauth.importer.keycloak;

import java.util.Locale;

/**
 * Chooses the writer: the bulk endpoint when the server has it, else Keycloak's partialImport. The bulk endpoint's
 * answer to {@code GET} says the most users it takes per request, which becomes the writer's maximum batch size.
 */
public final class Writers {

    public enum Choice { AUTO, BULK, PARTIAL_IMPORT }

    private Writers() {
    }

    public static BatchWriter choose(Choice choice, AdminClient client) throws ServerException {
        String realm = AdminClient.encode(client.settings().realm());
        AdminClient.Response realmAnswer = client.get("/admin/realms/" + realm);
        if (realmAnswer.status() == 404) {
            throw new ServerException(ServerException.Kind.NOT_FOUND, "Realm " + client.settings().realm()
                    + " not found at " + client.settings().server());
        }
        if (choice == Choice.PARTIAL_IMPORT) {
            return new PartialImportWriter(client);
        }
        AdminClient.Response probe = client.get("/admin/realms/" + realm + "/" + BulkImportWriter.ENDPOINT);
        if (probe.ok()) {
            return BulkImportWriter.probed(client, probe.body());
        }
        // Without the endpoint, a forced bulk writer fails at its first batch and says so.
        return choice == Choice.BULK ? new BulkImportWriter(client) : new PartialImportWriter(client);
    }

    public static Choice parse(String text) {
        return Choice.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
