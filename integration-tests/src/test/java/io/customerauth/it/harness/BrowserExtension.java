package io.customerauth.it.harness;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one {@link Browser} (constructor or method parameter), started at its first use and closed after
 * the class, and saves a screenshot and the page source of every failed test under the browser output directory
 * ({@code integration-tests/target/browser/failures/}), before any clean-up can change the page. Use it beside
 * {@link CustomerAuthIT}: {@code @ExtendWith(BrowserExtension.class)}.
 */
public final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context).browser();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        OpenBrowser open = classContext(context).getStore(NAMESPACE).get(OpenBrowser.class, OpenBrowser.class);
        if (open != null) {
            open.browser().saveEvidence(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }

    private static OpenBrowser browser(ExtensionContext context) {
        return classContext(context).getStore(NAMESPACE)
                .getOrComputeIfAbsent(OpenBrowser.class, type -> new OpenBrowser(Browser.start()), OpenBrowser.class);
    }

    /** The test class's context, whether JUnit asks for a constructor or a method parameter. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Closes the browser when JUnit closes the class's store. */
    private record OpenBrowser(Browser browser) implements AutoCloseable {

        @Override
        public void close() {
            browser.close();
        }
    }
}
