package io.customerauth.keycloak.customer.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.util.JsonSerialization;

import io.customerauth.keycloak.customer.CustomerIdClaims;

/**
 * {@code GET /admin/realms/{realm}/customer-import}: what the endpoint accepts (the import tool's probe).
 * {@code POST .../customer-import/users}: the body of a realm partialImport (its {@code users}); every user is
 * validated and matched by customer_id ({@link CustomerBatch}): created when new, its changed email, country, language
 * and password written when it exists, all in the request's one transaction; {@code ?dryRun=true} decides the same
 * and writes nothing. The answer has one result per user, in order: {@code {"store":"sql","results":[{"status":
 * "CREATED"|"UPDATED"|"UNCHANGED"|"REJECTED","reason":..,"changes":[..]}]}}.
 * {@code GET .../customer-import/customers?after=CURSOR&max=N}: the realm's customers a page at a time (customer_id
 * and user id), for the report of customers missing from an export.
 *
 * <p>The caller's manage-users permission is checked before the body is read: a caller without it gets 403 and its
 * body is never parsed. The admin event of a written batch names the users it created and updated.
 */
public final class CustomerImportResource {

    static final int MAX_BATCH_SIZE = 1000;
    static final int MAX_PAGE_SIZE = 10_000;
    /** Admin event detail: the ids of the users a batch created, comma-separated, in the order of the batch. */
    static final String CREATED_USER_IDS = "created_user_ids";
    /** Admin event detail: the ids of the users a batch updated, comma-separated, in the order of the batch. */
    static final String UPDATED_USER_IDS = "updated_user_ids";
    /** Admin event detail and answer field: how the batch reached the customers, {@code sql} or {@code model}. */
    static final String STORE = "store";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final ImportMetrics metrics;
    private final CustomerStores stores;
    private final Executor claimRoundTrips;

    CustomerImportResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                           AdminEventBuilder adminEvent, ImportMetrics metrics, CustomerStores stores,
                           Executor claimRoundTrips) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.metrics = metrics;
        this.stores = stores;
        this.claimRoundTrips = claimRoundTrips;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> describe() {
        auth.users().requireManage();
        return Map.of("maxBatchSize", MAX_BATCH_SIZE, "version", 2, "sync", true, "dryRun", true);
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importUsers(InputStream body, @QueryParam("dryRun") boolean dryRun,
                                @QueryParam(STORE) String store) {
        auth.users().requireManage();
        if (store != null && !store.equals(ModelCustomerStore.NAME)) {
            return error(Response.Status.BAD_REQUEST, "store may only be " + ModelCustomerStore.NAME);
        }
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
        CustomerStore customers = stores.choose(session, realm, store != null);
        CustomerIdClaims claims = CustomerIdClaims.of(session);
        CustomerBatch.Outcome outcome;
        try {
            outcome = new CustomerBatch(customers, RealmCustomerRules.of(session),
                    CustomerIdGuard.of(claims.waitForOtherWriters(),
                            customerIds -> claims.claimAll(realm, customerIds, claimRoundTrips))).run(users, dryRun);
        } catch (ModelDuplicateException e) {
            // Another writer stored one of these emails after our lookup: let the client split and retry.
            session.getTransactionManager().setRollbackOnly();
            return error(Response.Status.CONFLICT, "A user of this batch was written concurrently; retry it");
        }
        if (dryRun) {
            session.getTransactionManager().setRollbackOnly();
        } else {
            Map<ImportResult.Status, Long> counts = counts(outcome.results());
            adminEvent.operation(OperationType.ACTION)
                    .resource(ResourceType.USER)
                    .resourcePath(session.getContext().getUri())
                    .detail("received", Integer.toString(users.size()))
                    .detail("created", Long.toString(counts.getOrDefault(ImportResult.Status.CREATED, 0L)))
                    .detail("updated", Long.toString(counts.getOrDefault(ImportResult.Status.UPDATED, 0L)))
                    .detail("unchanged", Long.toString(counts.getOrDefault(ImportResult.Status.UNCHANGED, 0L)))
                    .detail("rejected", Long.toString(counts.getOrDefault(ImportResult.Status.REJECTED, 0L)))
                    .detail(CREATED_USER_IDS, String.join(",", outcome.createdUserIds()))
                    .detail(UPDATED_USER_IDS, String.join(",", outcome.updatedUserIds()))
                    .detail(STORE, customers.name())
                    .success();
            countOnceCommitted(counts);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(STORE, customers.name());
        answer.put("dryRun", dryRun);
        answer.put("results", outcome.results());
        return Response.ok(answer).build();
    }

    @GET
    @Path("customers")
    @Produces(MediaType.APPLICATION_JSON)
    public Response customers(@QueryParam("after") String after, @QueryParam("max") Integer max,
                              @QueryParam(STORE) String store) {
        auth.users().requireView();
        int size = max == null ? MAX_PAGE_SIZE : max;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            return error(Response.Status.BAD_REQUEST, "max must be between 1 and " + MAX_PAGE_SIZE);
        }
        CustomerStore.Page page;
        try {
            page = stores.choose(session, realm, store != null).page(after, size);
        } catch (IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, "after is not a cursor this endpoint gave");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("customers", page.customers().stream()
                .map(customer -> Map.of("customer_id", customer.customerId(), "id", customer.userId())).toList());
        if (page.next() != null) {
            answer.put("next", page.next());
        }
        return Response.ok(answer).build();
    }

    private static Map<ImportResult.Status, Long> counts(List<ImportResult> results) {
        return results.stream().collect(Collectors.groupingBy(ImportResult::status, Collectors.counting()));
    }

    /** The import metrics count what the database kept: nothing when the transaction rolls back. */
    private void countOnceCommitted(Map<ImportResult.Status, Long> counts) {
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
