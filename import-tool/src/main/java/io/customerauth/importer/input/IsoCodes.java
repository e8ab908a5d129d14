package io.customerauth.importer.input;

import java.util.Locale;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 countries and ISO 639-1 languages as the JDK knows them; on Java 17 these are exactly the
 * options of the {@code customers} realm's user profile.
 */
final class IsoCodes {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private IsoCodes() {
    }

    /** The uppercase code if {@code value} is a country code in either case, else {@code null}. */
    static String country(String value) {
        String code = value.toUpperCase(Locale.ROOT);
        return value.length() == 2 && COUNTRIES.contains(code) ? code : null;
    }

    /** The lowercase code if {@code value} is a two-letter language code in either case, else {@code null}. */
    static String language(String value) {
        String code = value.toLowerCase(Locale.ROOT);
        return value.length() == 2 && LANGUAGES.contains(code) ? code : null;
    }
}
