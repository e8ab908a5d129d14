package io.customerauth.keycloak.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The pack's name and version, as Maven wrote them into {@code pack.properties} at build time. */
public record PackInfo(String name, String version) {

    static PackInfo load() {
        Properties properties = new Properties();
        try (InputStream in = PackInfo.class.getResourceAsStream("pack.properties")) {
            if (in == null) {
                throw new IllegalStateException("pack.properties is missing from the providers jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackInfo(properties.getProperty("name"), properties.getProperty("version"));
    }
}
