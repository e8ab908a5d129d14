package io.customerauth.keycloak.logging;

import org.jboss.logging.MDC;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakContext;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The log side of one API request. Opening it puts the request's MDC keys ({@code remote_addr}, {@code request_id},
 * {@code path}, {@code log_type}; {@code customer_id}, {@code None} until the customer is {@link #customer known});
 * the request then reports how it ended, which writes the seed's lines at the seed's levels ({@link SeedLevel}): a
 * WARNING line of type {@code client} for a 4xx (the error body), an ERROR line with the stack trace for a 5xx, and
 * always one INFO access line of type {@code server}, {@code METHOD PATH STATUS}.
 * Closing it removes every key, whatever happened: Keycloak's worker threads serve one request after another.
 * Every value is escaped ({@link LogText}) before it reaches the MDC or a message.
 */
public final class RequestLogScope implements AutoCloseable {

    public static final String REMOTE_ADDR = "remote_addr";
    public static final String REQUEST_ID = "request_id";
    public static final String CUSTOMER_ID = "customer_id";
    public static final String PATH = "path";
    public static final String LOG_TYPE = "log_type";
    static final List<String> KEYS = List.of(REMOTE_ADDR, REQUEST_ID, CUSTOMER_ID, PATH, LOG_TYPE);

    /** The seed's {@code customer_id} of a caller not yet known (Python's {@code None}). */
    static final String UNKNOWN_CUSTOMER = "None";

    static final String SERVER = "server";
    static final String CLIENT = "client";

    private static final Logger LOG = Logger.getLogger(RequestLogScope.class.getName());

    private final String method;
    private final String path;

    private RequestLogScope(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** Opens the scope of the request Keycloak is serving: its client address, method and realm-relative path. */
    public static RequestLogScope open(KeycloakContext context, String requestId) {
        ClientConnection connection = context.getConnection();
        return open(connection == null ? null : connection.getRemoteAddr(), requestId,
                context.getHttpRequest().getHttpMethod(), realmRelativePath(context.getUri().getPath()));
    }

    /** Opens the scope of a request from this address, with this method and realm-relative path. */
    public static RequestLogScope open(String remoteAddr, String requestId, String method, String path) {
        KEYS.forEach(MDC::remove);
        RequestLogScope scope = new RequestLogScope(LogText.escape(method), LogText.escape(path));
        put(REMOTE_ADDR, remoteAddr);
        put(REQUEST_ID, requestId);
        put(CUSTOMER_ID, UNKNOWN_CUSTOMER);
        put(PATH, path);
        put(LOG_TYPE, SERVER);
        return scope;
    }

    /**
     * {@code /realms/customers/auth/login/} → {@code /auth/login/}: the path as the seed logged it, relative to
     * the realm; any other path is kept whole.
     */
    public static String realmRelativePath(String path) {
        if (path == null) {
            return "";
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        String[] parts = relative.split("/", 3);
        if (parts.length == 3 && parts[0].equals("realms") && !parts[1].isEmpty()) {
            return "/" + parts[2];
        }
        return "/" + relative;
    }

    /** This request is this customer's: the following lines carry the {@code customer_id}. */
    public void customer(String customerId) {
        put(CUSTOMER_ID, customerId == null || customerId.isEmpty() ? UNKNOWN_CUSTOMER : customerId);
    }

    /** The request was refused with this status and JSON body: a 4xx is the client's error, logged as WARNING. */
    public void refused(int status, Map<String, ?> body) {
        if (status >= 500) {
            LOG.log(SeedLevel.ERROR, ClientErrorMessage.of(body));
            return;
        }
        put(LOG_TYPE, CLIENT);
        try {
            LOG.log(SeedLevel.WARNING, ClientErrorMessage.of(body));
        } finally {
            put(LOG_TYPE, SERVER);
        }
    }

    /** The request failed unexpectedly: an ERROR line with the (escaped) stack trace. */
    public void failed(Throwable error) {
        LOG.log(SeedLevel.ERROR, "Unexpected error while answering " + method + " " + path, EscapedThrowable.of(error));
    }

    /** The one access line of the request, {@code METHOD PATH STATUS}. */
    public void answered(int status) {
        LOG.log(SeedLevel.INFO, method + " " + path + " " + status);
    }

    @Override
    public void close() {
        KEYS.forEach(MDC::remove);
    }

    private static void put(String key, String value) {
        if (value == null || value.isEmpty()) {
            MDC.remove(key);
        } else {
            MDC.put(key, LogText.escapeField(value));
        }
    }
}
