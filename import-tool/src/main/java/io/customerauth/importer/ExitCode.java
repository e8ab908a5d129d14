package io.customerauth.importer;

/** The tool's exit codes; docs/importing.md lists them. */
public final class ExitCode {

    /** Every record was created or already there. */
    public static final int OK = 0;
    /** An unexpected error (a bug): the message says what. */
    public static final int INTERNAL_ERROR = 1;
    /**
     * The {@code --report} file cannot be written (unwritable path, disk error): the message names the path and the
     * reason. The tool's own trouble, like {@link #INTERNAL_ERROR}, whose code it shares; records already written
     * stay written, and a re-run finds them unchanged.
     */
    public static final int REPORT_NOT_WRITTEN = 1;
    /** Bad command line (picocli's own code for usage errors). */
    public static final int USAGE = 2;
    /** Some records were rejected by validation; every valid one was written. */
    public static final int REJECTED_RECORDS = 3;
    /** The file cannot be read as a JSON array (missing, not JSON, malformed part-way: the import stopped there). */
    public static final int BAD_INPUT = 4;
    /** Keycloak cannot be used: unreachable, admin login refused, access denied, realm missing. Nothing written. */
    public static final int SERVER_UNAVAILABLE = 5;
    /** Some records could not be written (the server failed or went away part-way); re-run to finish. */
    public static final int PARTIAL_FAILURE = 6;

    private ExitCode() {
    }
}
