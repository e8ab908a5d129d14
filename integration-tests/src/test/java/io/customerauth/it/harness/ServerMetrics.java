package io.customerauth.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keycloak's {@code /metrics} on the management port, read in Prometheus' text format. */
public final class ServerMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String url;

    ServerMetrics(String managementUrl) {
        this.url = managementUrl + "/metrics";
    }

    public Snapshot scrape() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode());
            }
            return Snapshot.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every sample of one scrape, by metric name and labels. */
    public record Snapshot(Map<String, Map<Map<String, String>, Double>> samples, String text) {

        static Snapshot parse(String text) {
            Map<String, Map<Map<String, String>, Double>> samples = new HashMap<>();
            for (String line : text.split("\n")) {
                Matcher sample = SAMPLE.matcher(line.trim());
                if (line.startsWith("#") || !sample.matches()) {
                    continue;
                }
                Map<String, String> labels = new TreeMap<>();
                if (sample.group(3) != null) {
                    Matcher label = LABEL.matcher(sample.group(3));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                samples.computeIfAbsent(sample.group(1), name -> new HashMap<>())
                        .put(labels, Double.parseDouble(sample.group(4)));
            }
            return new Snapshot(samples, text);
        }

        /** The sum of the samples of this name whose labels include these pairs ({@code "route", "login"}, ...). */
        public double value(String name, String... labelPairs) {
            Map<String, String> wanted = new HashMap<>();
            for (int i = 0; i + 1 < labelPairs.length; i += 2) {
                wanted.put(labelPairs[i], labelPairs[i + 1]);
            }
            return samples.getOrDefault(name, Map.of()).entrySet().stream()
                    .filter(sample -> sample.getKey().entrySet().containsAll(wanted.entrySet()))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        /** Whether any series of this name exists. */
        public boolean has(String name) {
            return samples.containsKey(name);
        }
    }
}
