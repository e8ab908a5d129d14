/**
 * How each password hash customers bring from the old application is stored in a Keycloak password credential, and
 * the most any stored hash may cost: the import tool writes exactly these credentials and refuses what is over the
 * limits; the providers verify them and refuse the same hashes at login.
 *
 * <table>
 *   <caption>credentialData / secretData per source hash</caption>
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
 *   <tr><td>argon2 PHC {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}</td>
 *       <td>{@code {"algorithm":"argon2","hashIterations":t,"additionalParameters":{"hashLength":[..],"memory":[m],"type":["id"],"version":["1.3"],"parallelism":[p]}}}</td>
 *       <td>{@code {"value":"<base64 hash>","salt":"<base64 salt>","additionalParameters":{}}}</td></tr>
 * </table>
 */
package io.customerauth.common.credential;
