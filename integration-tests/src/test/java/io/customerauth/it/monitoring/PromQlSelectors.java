package io.customerauth.it.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series a PromQL expression reads: each selector's metric name and the label names it matches on, and the label
 * names its aggregations group by. Enough for the expressions the project writes (selectors with braces, functions,
 * {@code by (...)}, binary operators); not a PromQL parser.
 */
record PromQlSelectors(Set<String> metrics, Set<String> labels) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern RANGE_OR_OFFSET = Pattern.compile("\\[[^\\]]*]|\\boffset\\s+\\w+");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern MATCHERS = Pattern.compile("\\{([^}]*)}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_]\\w*)\\s*(?:=~|!~|!=|=)\\s*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.\"])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on",
            "ignoring", "group_left", "group_right", "offset", "inf", "nan");

    static PromQlSelectors of(String expr) {
        String text = VARIABLE.matcher(expr).replaceAll("x");
        text = RANGE_OR_OFFSET.matcher(text).replaceAll(" ");
        Set<String> labels = new LinkedHashSet<>();
        Matcher grouping = GROUPING.matcher(text);
        while (grouping.find()) {
            for (String label : grouping.group(1).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.strip());
                }
            }
        }
        text = GROUPING.matcher(text).replaceAll(" ");
        Matcher matchers = MATCHERS.matcher(text);
        while (matchers.find()) {
            Matcher label = MATCHER_LABEL.matcher(matchers.group(1));
            while (label.find()) {
                labels.add(label.group(1));
            }
        }
        text = MATCHERS.matcher(text).replaceAll(" ").replaceAll("\"[^\"]*\"", " ");
        Set<String> metrics = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            boolean function = identifier.group(2) != null;
            String name = identifier.group(1);
            if (!function && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                metrics.add(name);
            }
        }
        return new PromQlSelectors(metrics, labels);
    }

    /** The names of all the expressions, in order. */
    static List<String> metricsOf(List<MonitoringFiles.Query> queries) {
        List<String> names = new ArrayList<>();
        queries.forEach(query -> names.addAll(of(query.expr()).metrics()));
        return names;
    }
}
