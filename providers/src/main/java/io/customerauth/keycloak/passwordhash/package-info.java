/**
 * Verify-only {@code PasswordHashProvider}s for the password hashes customers bring from the old application, so
 * that they log in with their old password and Keycloak re-hashes it to the realm's algorithm on that first login,
 * and the hash cost limits on every provider ({@link io.customerauth.keycloak.passwordhash.StoredHashCost}).
 *
 * <p>How each legacy hash is stored in a Keycloak password credential, and the limits, are the common module's
 * ({@code io.customerauth.common.credential}): the import tool writes exactly those credentials. Werkzeug uses its
 * salt as the literal UTF-8 string (it is never decoded), so the credential keeps those bytes. Argon2id PHC strings
 * need no provider here: the import tool turns them into Keycloak's own {@code argon2} credential.
 *
 * <p>Re-hashing: after a successful {@code verify}, Keycloak's {@code PasswordCredentialProvider} asks the
 * <em>realm's</em> hash provider ({@code argon2} by default) whether the stored credential matches its policy; the
 * legacy algorithm id never does, so the password is re-hashed with the realm's algorithm in a separate transaction
 * after the login commits. These providers never create hashes: see {@link LegacyPasswordHashProvider}.
 */
package io.customerauth.keycloak.passwordhash;
