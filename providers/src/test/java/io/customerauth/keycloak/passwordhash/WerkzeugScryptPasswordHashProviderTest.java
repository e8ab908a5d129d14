package io.customerauth.keycloak.passwordhash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known vectors made with Python's {@code hashlib.scrypt} exactly as werkzeug 3 calls it:
 * {@code hashlib.scrypt(password.encode(), salt=salt.encode(), n=n, r=r, p=p, maxmem=132*n*r*p).hex()}.
 */
class WerkzeugScryptPasswordHashProviderTest {

    private static final String DEFAULT_PARAMETERS = "scrypt:32768:8:1$Xq3LbZ9kPz2vT8mW$ad93064a14aaed5baff0bdea66622b9bfd20c67db2b2914a3f43d3a5b0953e78486503366c6ec4c04589c250bc6428a9a566c7fe22bcf7c654fd6c262f582ce5";
    private static final String UNICODE_PASSWORD = "scrypt:1024:8:1$saltsaltsaltsalt$9828c9e9896cd937360cb691313eaff8e301e014b714e1a8bfc1124a54bdcfa2317952a8682c18c2f2830a85fd1e8f983075e73335be41b977c806ce8e2f9ea8";
    private static final String PARALLELISM_2 = "scrypt:16384:8:2$aB3dE5fG7hJ9kL1m$a263092d4426d0dd13b81e9182cb3d80199648a0cea46f8eb1a4f16795927739f31d42cb74d4f19e8cb9d75549043e5aeade971615b3a0eba71ec63e32aa974c";
    private static final String BASE64_LOOKING_SALT = "scrypt:1024:8:1$c2FsdA==$fbb194859186bdf91d42aec19e6cea34c74a25e639a9f4b7f8e0f26ac243e5581547e8c1d7c8345ece32bcbb2d086ff51bc819af2b5f0c050186f30aed3e2434";
    private static final String NON_ASCII_SALT = "scrypt:1024:8:1$sél/ü+$43f7c1f6d154f3dc46bd4305ed5f9b74ca011ba5cbfdd852c1c214075768258e7337941cd36457e99cca6d80b810dadacd83b13ca3f0c6615178a58ca56cf002";

    private final WerkzeugScryptPasswordHashProvider provider = new WerkzeugScryptPasswordHashProvider(null);

    @Test
    void verifiesWerkzeugsDefaultParameters() {
        var credential = StoredCredentials.werkzeugScrypt(DEFAULT_PARAMETERS);

        assertThat(provider.verify("correct horse battery staple", credential)).isTrue();
        assertThat(provider.verify("correct horse battery staplE", credential)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pässwörd-ünïcode | true",
            "passwörd-ünïcode | false",
            "pässwörd-ünïcod  | false",
    })
    void hashesThePasswordAsUtf8(String password, boolean expected) {
        assertThat(provider.verify(password, StoredCredentials.werkzeugScrypt(UNICODE_PASSWORD))).isEqualTo(expected);
    }

    @Test
    void honoursBlockSizeAndParallelism() {
        var credential = StoredCredentials.werkzeugScrypt(PARALLELISM_2);

        assertThat(provider.verify("Customer-Pass-1", credential)).isTrue();
        assertThat(provider.verify("Customer-Pass-2", credential)).isFalse();
    }

    @Test
    void usesTheSaltAsItsLiteralUtf8StringNeverDecoded() {
        assertThat(provider.verify("Customer-Pass-1", StoredCredentials.werkzeugScrypt(BASE64_LOOKING_SALT))).isTrue();
        assertThat(provider.verify("Customer-Pass-1", StoredCredentials.werkzeugScrypt(NON_ASCII_SALT))).isTrue();
    }

    @Test
    void acceptsAnUppercaseHexDigest() {
        String upper = UNICODE_PASSWORD.substring(0, UNICODE_PASSWORD.lastIndexOf('$') + 1)
                + UNICODE_PASSWORD.substring(UNICODE_PASSWORD.lastIndexOf('$') + 1).toUpperCase();

        assertThat(provider.verify("pässwörd-ünïcode", StoredCredentials.werkzeugScrypt(upper))).isTrue();
    }

    @Test
    void refusesParametersItCannotOrShouldNotCompute() {
        String notAPowerOfTwo = UNICODE_PASSWORD.replace("scrypt:1024:", "scrypt:1000:");
        String tooMuchMemory = UNICODE_PASSWORD.replace("scrypt:1024:8:1", "scrypt:262144:8:2");
        String notHex = UNICODE_PASSWORD.substring(0, UNICODE_PASSWORD.length() - 2) + "zz";

        assertThat(provider.verify("pässwörd-ünïcode", StoredCredentials.werkzeugScrypt(notAPowerOfTwo))).isFalse();
        assertThat(provider.verify("pässwörd-ünïcode", StoredCredentials.werkzeugScrypt(tooMuchMemory))).isFalse();
        assertThat(provider.verify("pässwörd-ünïcode", StoredCredentials.werkzeugScrypt(notHex))).isFalse();
    }
}
