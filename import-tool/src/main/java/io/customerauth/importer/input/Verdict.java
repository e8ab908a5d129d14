package io.customerauth.importer.input;

/** What validation made of one record: a customer to import, or the reason it is rejected. */
public sealed interface Verdict {

    long index();

    record Accepted(CustomerRecord customer) implements Verdict {
        @Override
        public long index() {
            return customer.index();
        }
    }

    record Rejected(long index, String reason) implements Verdict {
    }
}
