package io.customerauth.importer.keycloak;

import java.util.Locale;

/** Chooses the writer: the bulk endpoint when the server has it, else Keycloak's partialImport. */
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
        return switch (choice) {
            case BULK -> new BulkImportWriter(client);
            case PARTIAL_IMPORT -> new PartialImportWriter(client);
            case AUTO -> client.get("/admin/realms/" + realm + "/" + BulkImportWriter.ENDPOINT).ok()
                    ? new BulkImportWriter(client)
                    : new PartialImportWriter(client);
        };
    }

    public static Choice parse(String text) {
        return Choice.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
