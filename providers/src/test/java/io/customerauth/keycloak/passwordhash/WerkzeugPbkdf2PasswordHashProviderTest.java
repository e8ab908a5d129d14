package io.customerauth.keycloak.passwordhash;

import static org.assertj.core.api.Assertions.assertThat;

import io.customerauth.common.credential.WerkzeugPbkdf2Credential;
import javax.crypto.SecretKeyFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known vectors made with Python's {@code hashlib.pbkdf2_hmac} exactly as werkzeug calls it:
 * {@code hashlib.pbkdf2_hmac(hash_name, password.encode(), salt.encode(), iterations).hex()}.
 */
class WerkzeugPbkdf2PasswordHashProviderTest {

    private static final String DEFAULT_PARAMETERS = "pbkdf2:sha256:600000$Yh7TgB3nK9pQ2wEr$7748d097cb7d1b72ce21db0ec345ed3e4780b7a62094b2d9e7f9f259d18b5f37";
    private static final String UNICODE_PASSWORD = "pbkdf2:sha256:1000$saltsaltsaltsalt$ed34b43a83ddf41b1086fec8dd8b020a1613d5c3d1a2268bad4ac50a348d766d";
    private static final String SHA512 = "pbkdf2:sha512:260000$Zz9Yy8Xx7Ww6Vv5U$80bc4f3eba601c2bf2a98d1ed32167e827fdd759e57b38c0abbb8ba2e4823015e2a95471fa3970b2a83058594ef856b77e2a0f9887130908723477f3d9cf8f29";
    private static final String SHA1 = "pbkdf2:sha1:50000$Zz9Yy8Xx7Ww6Vv5U$53a0083638ad8e895fbfc78e240e6056f4eb9d8e";
    private static final String BASE64_LOOKING_SALT = "pbkdf2:sha256:1000$c2FsdA==$4cc6420697f8d8d468abd0a815404ad4dda328285829e40ee31ffb0f701526b2";
    private static final String NON_ASCII_SALT = "pbkdf2:sha256:1000$sél/ü+$48a799dfa9072da1d13551ae4e0977165dbf767130b5e463f079d20fed0bee8c";

    private final WerkzeugPbkdf2PasswordHashProvider provider = new WerkzeugPbkdf2PasswordHashProvider(null);

    @Test
    void verifiesWerkzeugsDefaultParameters() {
        var credential = StoredCredentials.werkzeugPbkdf2(DEFAULT_PARAMETERS);

        assertThat(provider.verify("correct horse battery staple", credential)).isTrue();
        assertThat(provider.verify("Correct horse battery staple", credential)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pässwörd-ünïcode | true",
            "passwörd-ünïcode | false",
            "pässwörd-ünïcodé | false",
    })
    void hashesThePasswordAsUtf8(String password, boolean expected) {
        assertThat(provider.verify(password, StoredCredentials.werkzeugPbkdf2(UNICODE_PASSWORD))).isEqualTo(expected);
    }

    @Test
    void supportsTheOtherHashlibDigests() {
        assertThat(provider.verify("Customer-Pass-1", StoredCredentials.werkzeugPbkdf2(SHA512))).isTrue();
        assertThat(provider.verify("Customer-Pass-2", StoredCredentials.werkzeugPbkdf2(SHA512))).isFalse();
        assertThat(provider.verify("Customer-Pass-1", StoredCredentials.werkzeugPbkdf2(SHA1))).isTrue();
        assertThat(provider.verify("Customer-Pass-2", StoredCredentials.werkzeugPbkdf2(SHA1))).isFalse();
    }

    @Test
    void usesTheSaltAsItsLiteralUtf8StringNeverDecoded() {
        assertThat(provider.verify("Customer-Pass-1", StoredCredentials.werkzeugPbkdf2(BASE64_LOOKING_SALT))).isTrue();
        assertThat(provider.verify("Customer-Pass-1", StoredCredentials.werkzeugPbkdf2(NON_ASCII_SALT))).isTrue();
    }

    @Test
    void theJdkComputesEveryDigestTheImportToolAccepts() throws Exception {
        for (String digest : WerkzeugPbkdf2Credential.DIGESTS) {
            assertThat(SecretKeyFactory.getInstance(WerkzeugPbkdf2PasswordHashProvider.jcaAlgorithm(digest)))
                    .as(digest).isNotNull();
        }
        assertThat(WerkzeugPbkdf2PasswordHashProvider.jcaAlgorithm("md5")).isNull();
    }

    @Test
    void refusesWhatItCannotCompute() {
        String unknownDigest = UNICODE_PASSWORD.replace("pbkdf2:sha256:", "pbkdf2:md4:");
        String tooManyIterations = UNICODE_PASSWORD.replace(":1000$", ":99999999$");
        String oddHex = UNICODE_PASSWORD.substring(0, UNICODE_PASSWORD.length() - 1);

        assertThat(provider.verify("pässwörd-ünïcode", StoredCredentials.werkzeugPbkdf2(unknownDigest))).isFalse();
        assertThat(provider.verify("pässwörd-ünïcode", StoredCredentials.werkzeugPbkdf2(tooManyIterations))).isFalse();
        assertThat(provider.verify("pässwörd-ünïcode", StoredCredentials.werkzeugPbkdf2(oddHex))).isFalse();
        assertThat(provider.verify("", StoredCredentials.werkzeugPbkdf2(UNICODE_PASSWORD))).isFalse();
    }
}
