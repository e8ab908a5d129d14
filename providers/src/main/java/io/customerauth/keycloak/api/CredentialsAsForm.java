package io.customerauth.keycloak.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;

import java.security.cert.X509Certificate;

/**
 * The real request, seen by Keycloak's direct-grant authenticators as if its JSON credentials had been posted as a
 * form: they read {@code username} and {@code password} from the form parameters, and headers (the client version)
 * from the request itself.
 */
final class CredentialsAsForm implements HttpRequest {

    private final HttpRequest request;
    private final MultivaluedMap<String, String> form;

    CredentialsAsForm(HttpRequest request, MultivaluedMap<String, String> form) {
        this.request = request;
        this.form = form;
    }

    @Override
    public String getHttpMethod() {
        return request.getHttpMethod();
    }

    @Override
    public MultivaluedMap<String, String> getDecodedFormParameters() {
        return form;
    }

    @Override
    public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
        return new jakarta.ws.rs.core.MultivaluedHashMap<>();
    }

    @Override
    public HttpHeaders getHttpHeaders() {
        return request.getHttpHeaders();
    }

    @Override
    public X509Certificate[] getClientCertificateChain() {
        return request.getClientCertificateChain();
    }

    @Override
    public UriInfo getUri() {
        return request.getUri();
    }

    @Override
    public boolean isProxyTrusted() {
        return request.isProxyTrusted();
    }
}
