package io.customerauth.keycloak.tokenclaims;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.keycloak.util.JsonSerialization;

import java.util.List;
import java.util.Map;

/**
 * Keeps a token's JSON free of duplicate keys (RFC 7519 §4). Keycloak's token classes hold claims twice over: typed
 * properties ({@code email}, {@code sub}, ...) and a map of "other claims" written after them by a
 * {@code @JsonAnyGetter}. A mapper that puts a claim in the map under a typed property's name makes Jackson write the
 * key twice, and strict parsers (Nimbus, so Spring Security) then refuse the whole token. Where both are set, the
 * typed value is Keycloak's own and wins: the map entry is dropped.
 */
public final class UniqueClaims {

    private static final ObjectMapper JSON = JsonSerialization.mapper;

    /** The serialized typed properties of each token class, found once by Jackson's own introspection. */
    private static final ClassValue<List<TypedClaim>> TYPED_CLAIMS = new ClassValue<>() {
        @Override
        protected List<TypedClaim> computeValue(Class<?> type) {
            BeanDescription bean = JSON.getSerializationConfig().introspect(JSON.constructType(type));
            return bean.findProperties().stream()
                    .filter(BeanPropertyDefinition::couldSerialize)
                    .map(property -> new TypedClaim(property.getName(), accessible(property.getAccessor())))
                    .toList();
        }
    };

    private UniqueClaims() {
    }

    /**
     * Drops every entry of {@code otherClaims} whose name is also a typed property of {@code token} that has a value.
     *
     * @return the names dropped, for the caller to report
     */
    public static List<String> enforce(Object token, Map<String, Object> otherClaims) {
        if (otherClaims == null || otherClaims.isEmpty()) {
            return List.of();
        }
        List<String> dropped = TYPED_CLAIMS.get(token.getClass()).stream()
                .filter(claim -> otherClaims.containsKey(claim.name()) && claim.valueIn(token) != null)
                .map(TypedClaim::name)
                .toList();
        dropped.forEach(otherClaims::remove);
        return dropped;
    }

    private static AnnotatedMember accessible(AnnotatedMember accessor) {
        accessor.fixAccess(true);
        return accessor;
    }

    private record TypedClaim(String name, AnnotatedMember accessor) {
        Object valueIn(Object token) {
            return accessor.getValue(token);
        }
    }
}
