package io.customerauth.importer.keycloak;

import java.util.List;

import io.customerauth.importer.input.CustomerRecord;

/** Writes one batch of valid customers to the realm and says what became of each. */
public interface BatchWriter {

    /** A name for the summary. */
    String name();

    /** The most customers the server takes in one request, as it says; the import sends no larger batch. */
    default int maxBatchSize() {
        return Integer.MAX_VALUE;
    }

    /**
     * One outcome per customer.
     *
     * @throws BatchRefusedException the server refused the batch as a whole (4xx)
     * @throws ServerException the server cannot be used (unreachable after retries, access denied)
     */
    List<Outcome> write(List<CustomerRecord> batch) throws BatchRefusedException, ServerException;
}
