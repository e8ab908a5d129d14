package io.customerauth.it.harness;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

import java.util.Map;
import java.util.function.Function;

/**
 * Injects the shared {@link TestStack} and its helpers into test constructors and methods. The stack lives in the
 * root store, so the first test class starts it and JUnit stops it after the last one.
 */
public final class StackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    private static final Map<Class<?>, Function<TestStack, Object>> HELPERS = Map.ofEntries(
            Map.entry(TestStack.class, stack -> stack),
            Map.entry(Api.class, TestStack::api),
            Map.entry(Oidc.class, TestStack::oidc),
            Map.entry(Customers.class, TestStack::customers),
            Map.entry(Events.class, TestStack::events),
            Map.entry(Mailbox.class, TestStack::mailbox),
            Map.entry(Database.class, TestStack::database),
            Map.entry(ServerLog.class, TestStack::log),
            Map.entry(ServerMetrics.class, TestStack::metrics),
            Map.entry(Keycloak.class, TestStack::admin),
            Map.entry(RealmResource.class, TestStack::realm));

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return HELPERS.containsKey(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return HELPERS.get(parameter.getParameter().getType()).apply(stack(context));
    }

    static TestStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestStack.class, type -> TestStack.start(), TestStack.class);
    }
}
