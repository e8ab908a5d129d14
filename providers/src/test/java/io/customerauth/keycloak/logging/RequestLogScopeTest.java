package io.customerauth.keycloak.logging;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope's lines and MDC keys, seen through java.util.logging (jboss-logging's provider outside the server).
 * What the server's format makes of them is shown by the integration tests that read {@code test.log}.
 */
class RequestLogScopeTest {

    private final Logger julLogger = Logger.getLogger(RequestLogScope.class.getName());
    private final List<Line> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            Map<String, String> mdc = new HashMap<>();
            for (String key : RequestLogScope.KEYS) {
                Object value = MDC.get(key);
                if (value != null) {
                    mdc.put(key, value.toString());
                }
            }
            lines.add(new Line(record.getLevel(), record.getMessage(), record.getThrown(), mdc));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    record Line(Level level, String message, Throwable thrown, Map<String, String> mdc) {
    }

    @BeforeEach
    void captureLines() {
        julLogger.addHandler(capture);
        julLogger.setUseParentHandlers(false);
    }

    @AfterEach
    void stopCapturing() {
        julLogger.removeHandler(capture);
        julLogger.setUseParentHandlers(true);
        RequestLogScope.KEYS.forEach(MDC::remove);
    }

    @ParameterizedTest
    @CsvSource({
            "/realms/customers/auth/login/, /auth/login/",
            "/realms/customers/auth/, /auth/",
            "/realms/customers/auth, /auth",
            "realms/customers/auth/version, /auth/version",
            "/admin/realms, /admin/realms",
            "/, /"})
    void pathIsRelativeToTheRealmAsTheSeedLoggedIt(String path, String logged) {
        assertThat(RequestLogScope.realmRelativePath(path)).isEqualTo(logged);
    }

    @Test
    void aSuccessfulRequestWritesOneInfoAccessLineWithTheRequestsKeys() {
        try (RequestLogScope scope = RequestLogScope.open("10.0.0.7", "req-1", "GET", "/auth/")) {
            scope.customer("8b4a1343-292d-45ed-ba5f-846fa9167ede");
            scope.answered(200);
        }

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.INFO);
            assertThat(line.message()).isEqualTo("GET /auth/ 200");
            assertThat(line.mdc()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "remote_addr", "10.0.0.7", "request_id", "req-1", "path", "/auth/", "log_type", "server",
                    "customer_id", "8b4a1343-292d-45ed-ba5f-846fa9167ede"));
        });
    }

    @Test
    void aClientErrorWritesAWarningOfTypeClientThenTheAccessLine() {
        try (RequestLogScope scope = RequestLogScope.open("10.0.0.7", "req-2", "POST", "/auth/login/")) {
            scope.refused(400, Map.of("message", "Invalid input.",
                    "errors", Map.of("email", List.of("Missing data for required field."))));
            scope.answered(400);
        }

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).level()).isEqualTo(Level.WARNING);
        assertThat(lines.get(0).level().getName()).isEqualTo("WARNING");
        assertThat(lines.get(0).message()).isEqualTo("{'email': ['Missing data for required field.']}");
        assertThat(lines.get(0).mdc()).containsEntry("log_type", "client").containsEntry("customer_id", "None");
        assertThat(lines.get(1).level()).isEqualTo(Level.INFO);
        assertThat(lines.get(1).message()).isEqualTo("POST /auth/login/ 400");
        assertThat(lines.get(1).mdc()).containsEntry("log_type", "server");
    }

    @Test
    void anUnexpectedErrorWritesAnErrorWithTheEscapedStackTrace() {
        IllegalStateException boom = new IllegalStateException("boom\r\n[fake]");
        try (RequestLogScope scope = RequestLogScope.open("10.0.0.7", "req-3", "GET", "/auth/")) {
            scope.failed(boom);
            scope.answered(500);
        }

        assertThat(lines).hasSize(2);
        Line error = lines.get(0);
        assertThat(error.level().getName()).isEqualTo("ERROR");
        assertThat(error.level().intValue()).isEqualTo(Level.SEVERE.intValue());
        assertThat(error.mdc()).containsEntry("log_type", "server");
        assertThat(error.thrown()).hasToString("java.lang.IllegalStateException: boom\\r\\n[fake]");
        assertThat(error.thrown().getStackTrace()).isEqualTo(boom.getStackTrace());
        assertThat(lines.get(1).message()).isEqualTo("GET /auth/ 500");
    }

    @Test
    void closingRemovesEveryKey() {
        try (RequestLogScope scope = RequestLogScope.open("10.0.0.7", "req-4", "GET", "/auth/")) {
            scope.customer("c-1");
        }

        for (String key : RequestLogScope.KEYS) {
            assertThat(MDC.get(key)).as(key).isNull();
        }
    }

    @Test
    void closingRemovesEveryKeyWhenTheRequestThrows() {
        try (RequestLogScope scope = RequestLogScope.open("10.0.0.7", "req-5", "GET", "/auth/")) {
            scope.customer("c-1");
            throw new OutOfMemoryError("simulated");
        } catch (OutOfMemoryError expected) {
            // the scope is closed by now
        }

        for (String key : RequestLogScope.KEYS) {
            assertThat(MDC.get(key)).as(key).isNull();
        }
    }

    @Test
    void openingForgetsWhateverAnEarlierRequestLeftOnTheThread() {
        MDC.put("customer_id", "leaked");
        MDC.put("request_id", "leaked");

        try (RequestLogScope scope = RequestLogScope.open("10.0.0.7", "req-6", "GET", "/auth/")) {
            scope.answered(401);
        }

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.mdc()).containsEntry("customer_id", "None");
            assertThat(line.mdc()).containsEntry("request_id", "req-6");
        });
    }

    @Test
    void everyValueIsEscapedBeforeItReachesTheMdcOrAMessage() {
        try (RequestLogScope scope = RequestLogScope.open("1.2.3.4\r\n[fake]", "req-7", "GET",
                "/auth/\u001b[2J")) {
            scope.customer("c\n1");
            scope.answered(200);
        }

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.message()).isEqualTo("GET /auth/\\u001b[2J 200");
            assertThat(line.mdc()).containsEntry("remote_addr", "1.2.3.4\\r\\n\\u005bfake\\u005d")
                    .containsEntry("path", "/auth/\\u001b\\u005b2J")
                    .containsEntry("customer_id", "c\\n1");
        });
    }
}
