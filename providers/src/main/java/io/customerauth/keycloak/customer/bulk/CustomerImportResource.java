package io.customerauth.keycloak.customer.bulk;

import org.keycloak.models.AbstractKeycloakTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.util.JsonSerialization;

/**
 * {@code GET /admin/realms/{realm}/customer-import}: what the endpoint accepts (the import tool's probe).
 * {@code POST /admin/realms/{realm}/customer-import/users}: the body of a realm partialImport (its {@code users});
 * every user is validated, skipped when its email or customer_id is already in the realm, or created with its
 * attributes and stored password credential, all in the request's one transaction. The answer has one result per
 * user, in order: {@code {"results":[{"status":"CREATED"|"SKIPPED"|"REJECTED","reason":..}]}}.
 *
 * <p>The caller's manage-users permission is checked before the body is read: a caller without it gets 403 and its
 * body is never parsed. The admin event of a batch names the users it created ({@value #CREATED_USER_IDS}).
 */
public final class CustomerImportResource {

    static final int MAX_BATCH_SIZE = 1000;
    /** Admin event detail: the ids of the users a batch created, comma-separated, in the order of the batch. */
    static final String CREATED_USER_IDS = "created_user_ids";
    /** How the batch's existing customers were found: {@code jpql} (the fast path) or {@code model_api}. */
    static final String EXISTING_LOOKUP = "existing_lookup";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final ImportMetrics metrics;

    CustomerImportResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                           AdminEventBuilder adminEvent, ImportMetrics metrics) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> describe() {
        auth.users().requireManage();
        return Map.of("maxBatchSize", MAX_BATCH_SIZE, "version", 1);
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importUsers(InputStream body) {
        auth.users().requireManage();
        PartialImportRepresentation batch;
        try {
            byte[] json = body == null ? new byte[0] : body.readAllBytes();
            batch = json.length == 0 ? null : JsonSerialization.readValue(json, PartialImportRepresentation.class);
        } catch (IOException e) {
            return error(Response.Status.BAD_REQUEST, "The body is not a partialImport JSON object");
        }
        List<UserRepresentation> users = batch == null || batch.getUsers() == null ? List.of() : batch.getUsers();
        if (users.size() > MAX_BATCH_SIZE) {
            return error(Response.Status.BAD_REQUEST, "At most " + MAX_BATCH_SIZE + " users per request");
        }
        CustomerBatch customers = new CustomerBatch(session, realm, users);
        List<ImportResult> results;
        try {
            results = customers.importAll();
        } catch (ModelDuplicateException e) {
            // Another writer created one of these users after our existence check: let the client split and retry.
            session.getTransactionManager().setRollbackOnly();
            return error(Response.Status.CONFLICT, "A user of this batch was created concurrently; retry it");
        }
        adminEvent.operation(OperationType.ACTION)
                .resource(ResourceType.USER)
                .resourcePath(session.getContext().getUri())
                .detail("created", Integer.toString(customers.createdUserIds().size()))
                .detail("received", Integer.toString(users.size()))
                .detail(CREATED_USER_IDS, String.join(",", customers.createdUserIds()))
                .detail(EXISTING_LOOKUP, customers.lookup().name().toLowerCase(Locale.ROOT))
                .success();
        countOnceCommitted(results);
        return Response.ok(Map.of("results", results)).build();
    }

    /** The import metrics count what the database kept: nothing when the transaction rolls back. */
    private void countOnceCommitted(List<ImportResult> results) {
        Map<ImportResult.Status, Long> counts = results.stream()
                .collect(Collectors.groupingBy(ImportResult::status, Collectors.counting()));
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                counts.forEach((status, count) -> metrics.imported(status.name(), count));
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).entity(Map.of("errorMessage", message)).type(MediaType.APPLICATION_JSON)
                .build();
    }
}
