package io.customerauth.keycloak.resetcode;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Just enough of Keycloak's realm and user models for the reset-code classes: ids and attributes. */
final class Models {

    private Models() {
    }

    static RealmModel realm(String id, Map<String, String> attributes) {
        return (RealmModel) Proxy.newProxyInstance(Models.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId", "getName" -> id;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "toString" -> "realm " + id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A customer account: id, email (also its username), enabled or not. */
    static UserModel customer(String id, String email, boolean enabled) {
        return (UserModel) Proxy.newProxyInstance(Models.class.getClassLoader(), new Class<?>[] {UserModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "getEmail", "getUsername" -> email;
                    case "isEnabled" -> enabled;
                    case "toString" -> "user " + id;
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static UserModel user(String id) {
        return (UserModel) Proxy.newProxyInstance(Models.class.getClassLoader(), new Class<?>[] {UserModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "toString" -> "user " + id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
