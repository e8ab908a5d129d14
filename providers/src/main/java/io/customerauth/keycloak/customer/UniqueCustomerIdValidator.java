package io.customerauth.keycloak.customer;

import io.customerauth.common.customer.CustomerAttributes;

import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

import java.util.List;
import java.util.Objects;

/**
 * Keeps {@code customer_id} unique in a realm: a user-profile validator, so the admin console and the admin API
 * refuse a second customer with the same id, as Keycloak does for a duplicate email. Concurrent writers are kept
 * apart by a {@link CustomerIdClaims claim} taken before the search for another holder.
 */
public final class UniqueCustomerIdValidator implements SimpleValidator {

    public static final String ID = "customer-id-unique";
    static final String MESSAGE = "Another customer already has this customer_id.";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context,
                                      ValidatorConfig config) {
        if (!(input instanceof List<?> values) || values.isEmpty() || !(values.get(0) instanceof String value)
                || value.isBlank()) {
            return context;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = session.getContext().getRealm();
        UserModel user = UserProfileAttributeValidationContext.from(context).getAttributeContext().getUser();
        if (user != null && Objects.equals(user.getFirstAttribute(inputHint), value)) {
            return context;
        }
        if (!CustomerIdClaims.of(session).claim(realm, value)) {
            context.addError(new ValidationError(ID, inputHint, MESSAGE).setStatusCode(Response.Status.CONFLICT));
            return context;
        }
        boolean takenByAnother = session.users()
                .searchForUserByUserAttributeStream(realm, CustomerAttributes.CUSTOMER_ID, value)
                .anyMatch(other -> user == null || !other.getId().equals(user.getId()));
        if (takenByAnother) {
            context.addError(new ValidationError(ID, inputHint, MESSAGE).setStatusCode(Response.Status.CONFLICT));
        }
        return context;
    }
}
