/**
 * Verify-only {@code PasswordHashProvider}s for the password hashes customers bring from the old application, so
 * that they log in with their old password and Keycloak re-hashes it to the realm's algorithm on that first login.
 *
 * <p>How each legacy hash is stored in a Keycloak password credential (the import tool writes exactly this):
 *
 * <table>
 *   <caption>credentialData / secretData per algorithm</caption>
 *   <tr><th>source hash</th><th>credentialData</th><th>secretData</th></tr>
 *   <tr><td>bcrypt {@code $2a$/$2b$/$2y$}</td>
 *       <td>{@code {"algorithm":"bcrypt","hashIterations":<cost>,"additionalParameters":{}}}</td>
 *       <td>{@code {"value":"<the whole $2b$... string>","additionalParameters":{}}} (the salt is inside the value)</td></tr>
 *   <tr><td>werkzeug {@code scrypt:N:r:p$salt$hex}</td>
 *       <td>{@code {"algorithm":"werkzeug-scrypt","hashIterations":N,"additionalParameters":{"blockSize":["r"],"parallelism":["p"]}}}</td>
 *       <td>{@code {"value":"<hex>","salt":"<base64 of the salt's UTF-8 bytes>","additionalParameters":{}}}</td></tr>
 *   <tr><td>werkzeug {@code pbkdf2:sha256:N$salt$hex}</td>
 *       <td>{@code {"algorithm":"werkzeug-pbkdf2","hashIterations":N,"additionalParameters":{"hashAlgorithm":["sha256"]}}}</td>
 *       <td>{@code {"value":"<hex>","salt":"<base64 of the salt's UTF-8 bytes>","additionalParameters":{}}}</td></tr>
 * </table>
 *
 * <p>Werkzeug uses its salt as the literal UTF-8 string (it is never decoded), so the credential keeps those bytes.
 * Argon2id PHC strings need no provider here: the import tool turns them into Keycloak's own {@code argon2}
 * credential.
 *
 * <p>Re-hashing: after a successful {@code verify}, Keycloak's {@code PasswordCredentialProvider} asks the
 * <em>realm's</em> hash provider ({@code argon2} by default) whether the stored credential matches its policy; the
 * legacy algorithm id never does, so the password is re-hashed with the realm's algorithm in a separate transaction
 * after the login commits. These providers never create hashes: see {@link LegacyPasswordHashProvider}.
 */
package io.customerauth.keycloak.passwordhash;
