package io.customerauth.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's charts as plain SVG, written by hand (no plotting library, nothing to download): small multiples of
 * grouped bars, one panel per pair with its own scale, and a line chart over time.
 */
final class Svg {

    /** A and B, in the colours every chart uses. */
    static final List<String> COLOURS = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728");

    private static final int PANEL_WIDTH = 300;
    private static final int PANEL_HEIGHT = 240;
    private static final int TOP = 50;
    private static final int BOTTOM = 40;
    private static final int LEFT = 55;

    /** One panel: groups along the x axis, one bar per series in each group. */
    record Panel(String title, List<String> groups, double[][] values) {
    }

    private Svg() {
    }

    static String bars(String title, String unit, List<String> series, List<Panel> panels) {
        int width = PANEL_WIDTH * panels.size() + 20;
        int height = PANEL_HEIGHT + TOP + 40;
        StringBuilder svg = header(width, height, title);
        legend(svg, series, 20, 40);
        for (int p = 0; p < panels.size(); p++) {
            panel(svg, panels.get(p), unit, series.size(), 10 + p * PANEL_WIDTH, TOP + 10);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, Panel panel, String unit, int seriesCount, int x0, int y0) {
        double max = 0;
        for (double[] group : panel.values()) {
            for (double value : group) {
                max = Math.max(max, value);
            }
        }
        double top = niceCeiling(max);
        int plotWidth = PANEL_WIDTH - LEFT - 15;
        int plotHeight = PANEL_HEIGHT - BOTTOM - 25;
        int left = x0 + LEFT;
        int base = y0 + 25 + plotHeight;
        text(svg, x0 + PANEL_WIDTH / 2, y0 + 12, panel.title(), "middle", 13, true);
        for (int tick = 0; tick <= 4; tick++) {
            double value = top * tick / 4;
            int y = base - (int) Math.round(plotHeight * tick / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    left, y, left + plotWidth, y));
            text(svg, left - 5, y + 4, format(value), "end", 10, false);
        }
        text(svg, x0 + 12, y0 + 25 + plotHeight / 2, unit, "middle", 10, false, -90);
        int groups = panel.groups().size();
        double groupWidth = (double) plotWidth / groups;
        double barWidth = Math.min(28, groupWidth * 0.8 / seriesCount);
        for (int g = 0; g < groups; g++) {
            double groupLeft = left + g * groupWidth + (groupWidth - barWidth * seriesCount) / 2;
            for (int s = 0; s < seriesCount; s++) {
                double value = panel.values()[g][s];
                double h = top <= 0 ? 0 : plotHeight * value / top;
                double x = groupLeft + s * barWidth;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                        x, base - h, barWidth - 2, h, COLOURS.get(s % COLOURS.size())));
                text(svg, (int) Math.round(x + barWidth / 2 - 1), (int) Math.round(base - h - 3), format(value),
                        "middle", 9, false);
            }
            text(svg, (int) Math.round(left + g * groupWidth + groupWidth / 2), base + 15, panel.groups().get(g),
                    "middle", 11, false);
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left, base, left + plotWidth, base));
    }

    /** A line over time, with horizontal reference lines (label, value) and an optional marked interval. */
    static String line(String title, String xUnit, String yUnit, double[] xs, double[] ys, List<String> refLabels,
                       double[] refValues, double[] marked) {
        int width = 900;
        int height = 420;
        int left = 70;
        int top = 60;
        int plotWidth = width - left - 200;
        int plotHeight = height - top - 50;
        double maxX = xs.length == 0 ? 1 : xs[xs.length - 1];
        double maxY = 0;
        for (double y : ys) {
            maxY = Math.max(maxY, y);
        }
        for (double y : refValues) {
            maxY = Math.max(maxY, y);
        }
        double topY = niceCeiling(maxY);
        double rightX = niceCeiling(maxX);
        StringBuilder svg = header(width, height, title);
        int base = top + plotHeight;
        for (int tick = 0; tick <= 5; tick++) {
            int y = base - plotHeight * tick / 5;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    left, y, left + plotWidth, y));
            text(svg, left - 6, y + 4, format(topY * tick / 5), "end", 10, false);
            int x = left + plotWidth * tick / 5;
            text(svg, x, base + 16, format(rightX * tick / 5), "middle", 10, false);
        }
        text(svg, left + plotWidth / 2, base + 34, xUnit, "middle", 11, false);
        text(svg, 16, top + plotHeight / 2, yUnit, "middle", 11, false, -90);
        if (marked != null && topY > 0) {
            double x1 = left + plotWidth * marked[0] / rightX;
            double x2 = left + plotWidth * marked[1] / rightX;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"#d62728\" fill-opacity=\"0.25\"/>%n", x1, top, Math.max(1.5, x2 - x1), plotHeight));
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + plotWidth * xs[i] / rightX,
                    base - (topY <= 0 ? 0 : plotHeight * ys[i] / topY)));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(COLOURS.get(0)).append("\" stroke-width=\"1.2\" points=\"")
                .append(points.toString().trim()).append("\"/>\n");
        for (int r = 0; r < refValues.length; r++) {
            double y = base - (topY <= 0 ? 0 : plotHeight * refValues[r] / topY);
            String colour = COLOURS.get((r + 1) % COLOURS.size());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-dasharray=\"6,4\"/>%n", left, y, left + plotWidth, y, colour));
            text(svg, left + plotWidth + 6, (int) Math.round(y + 4), refLabels.get(r), "start", 10, false);
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left, base, left + plotWidth, base));
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder header(int width, int height, String title) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        text(svg, 20, 22, title, "start", 15, true);
        return svg;
    }

    private static void legend(StringBuilder svg, List<String> series, int x, int y) {
        int offset = x;
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    offset, y - 10, COLOURS.get(s % COLOURS.size())));
            text(svg, offset + 16, y, series.get(s), "start", 11, false);
            offset += 30 + series.get(s).length() * 7;
        }
    }

    private static void text(StringBuilder svg, int x, int y, String text, String anchor, int size, boolean bold) {
        text(svg, x, y, text, anchor, size, bold, 0);
    }

    private static void text(StringBuilder svg, int x, int y, String text, String anchor, int size, boolean bold,
                             int rotate) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"%s\"%s%s>%s"
                        + "</text>%n", x, y, size, anchor, bold ? " font-weight=\"bold\"" : "",
                rotate == 0 ? "" : String.format(Locale.ROOT, " transform=\"rotate(%d %d %d)\"", rotate, x, y),
                escape(text)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String format(double value) {
        if (value >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
