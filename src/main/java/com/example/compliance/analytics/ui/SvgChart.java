package com.example.compliance.analytics.ui;

import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as SVG markup: a title, a text alternative ({@code <desc>}), axis labels, and colours from
 * CSS classes (app.css maps them to Lumo's custom properties, so the light and dark themes apply). Every piece of text
 * is escaped; the only markup is what this class writes.
 */
final class SvgChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 64;

    /** One series of a bar chart: its CSS class, its name in the legend, a value per category. */
    record Series(String cssClass, String name, long[] values) {}

    /** A horizontal bar: a label, a share from 0 to 1, and where a click leads (null: nowhere). */
    record Share(String label, double value, String href) {}

    private SvgChart() {}

    /** Bars side by side per category (e.g. opened and resolved per week). */
    static String groupedBars(String id, String title, String description, String xLabel, String yLabel,
            List<String> categories, List<Series> series) {
        long max = 1;
        for (Series s : series) {
            for (long v : s.values()) {
                max = Math.max(max, v);
            }
        }
        max = niceCeiling(max);
        var svg = open(id, title, description);
        axes(svg, xLabel, yLabel, max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double slot = plotWidth / Math.max(1, categories.size());
        double bar = Math.max(1, (slot * 0.8) / series.size());
        for (int c = 0; c < categories.size(); c++) {
            for (int s = 0; s < series.size(); s++) {
                long value = series.get(s).values()[c];
                double h = (HEIGHT - TOP - BOTTOM) * value / (double) max;
                double x = LEFT + c * slot + slot * 0.1 + s * bar;
                svg.append("<rect class=\"%s\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"><title>%s</title></rect>"
                        .formatted(series.get(s).cssClass(), num(x), num(HEIGHT - BOTTOM - h), num(bar), num(h),
                                escape(series.get(s).name() + ", " + categories.get(c) + ": " + value)));
            }
            if (categories.size() <= 8 || c % ((categories.size() + 7) / 8) == 0) {
                svg.append(xTick(LEFT + c * slot + slot / 2, categories.get(c)));
            }
        }
        legend(svg, series.stream().map(s -> new String[] {s.cssClass(), s.name()}).toList());
        return svg.append("</svg>").toString();
    }

    /** A line with the area below it (e.g. the open backlog at the end of each week). */
    static String area(String id, String title, String description, String xLabel, String yLabel,
            List<String> categories, long[] values) {
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        max = niceCeiling(max);
        var svg = open(id, title, description);
        axes(svg, xLabel, yLabel, max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double step = plotWidth / Math.max(1, categories.size());
        var line = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            double x = LEFT + c * step + step / 2;
            double y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * values[c] / (double) max;
            line.append(c == 0 ? "M" : " L").append(num(x)).append(' ').append(num(y));
        }
        if (values.length > 0) {
            double first = LEFT + step / 2;
            double last = LEFT + (values.length - 1) * step + step / 2;
            svg.append("<path class=\"chart-area\" d=\"%s L%s %s L%s %s Z\"/>".formatted(line, num(last),
                    num(HEIGHT - BOTTOM), num(first), num(HEIGHT - BOTTOM)));
            svg.append("<path class=\"chart-line\" d=\"%s\"/>".formatted(line));
            for (int c = 0; c < values.length; c++) {
                double x = LEFT + c * step + step / 2;
                double y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * values[c] / (double) max;
                svg.append("<circle class=\"chart-point\" cx=\"%s\" cy=\"%s\" r=\"3\"><title>%s</title></circle>"
                        .formatted(num(x), num(y), escape(categories.get(c) + ": " + values[c] + " open")));
            }
        }
        for (int c = 0; c < categories.size(); c++) {
            if (categories.size() <= 8 || c % ((categories.size() + 7) / 8) == 0) {
                svg.append(xTick(LEFT + c * step + step / 2, categories.get(c)));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars of shares (0..1) with their percentage; a bar with an href is a link. */
    static String shares(String id, String title, String description, String xLabel, String yLabel,
            List<Share> shares) {
        int rows = Math.max(1, shares.size());
        int rowHeight = 28;
        int height = TOP + rows * rowHeight + 48;
        int left = 150;
        double plotWidth = WIDTH - left - 56;
        // With links inside, the chart is a group of links, not an image (an image's content is not interactive)
        boolean links = shares.stream().anyMatch(share -> share.href() != null);
        var svg = open(id, title, description, height, links ? "group" : "img");
        svg.append("<line class=\"chart-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>".formatted(left, TOP, left,
                TOP + rows * rowHeight));
        for (int p = 0; p <= 100; p += 25) {
            double x = left + plotWidth * p / 100.0;
            svg.append("<line class=\"chart-grid\" x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\"/>".formatted(num(x), TOP,
                    num(x), TOP + rows * rowHeight));
            svg.append("<text class=\"chart-tick\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">%d%%</text>".formatted(num(x),
                    TOP + rows * rowHeight + 16, p));
        }
        for (int i = 0; i < shares.size(); i++) {
            var share = shares.get(i);
            double y = TOP + i * rowHeight + 4;
            double w = plotWidth * Math.max(0, Math.min(1, share.value()));
            String percent = percent(share.value());
            String bar = "<rect class=\"bar-share\" x=\"%d\" y=\"%s\" width=\"%s\" height=\"%d\"><title>%s</title></rect>"
                    .formatted(left, num(y), num(w), rowHeight - 8, escape(share.label() + ": " + percent + " within SLA"));
            String label = "<text class=\"chart-label\" x=\"%d\" y=\"%s\" text-anchor=\"end\">%s</text>".formatted(left - 6,
                    num(y + rowHeight / 2.0), escape(shorten(share.label(), 22)));
            String value = "<text class=\"chart-value\" x=\"%s\" y=\"%s\">%s</text>".formatted(num(left + w + 4),
                    num(y + rowHeight / 2.0), percent);
            if (share.href() != null) {
                svg.append("<a href=\"%s\" class=\"chart-link\" aria-label=\"%s\">".formatted(escape(share.href()),
                        escape(share.label() + ": " + percent + " within SLA"))).append(label).append(bar)
                        .append(value).append("</a>");
            } else {
                svg.append(label).append(bar).append(value);
            }
        }
        svg.append("<text class=\"chart-axis-label\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                .formatted(num(left + plotWidth / 2), height - 8, escape(xLabel)));
        svg.append("<text class=\"chart-axis-label\" x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>"
                .formatted(TOP + rows * rowHeight / 2, TOP + rows * rowHeight / 2, escape(yLabel)));
        if (shares.isEmpty()) {
            svg.append("<text class=\"chart-empty\" x=\"%d\" y=\"%d\">No resolutions with an SLA in this period</text>"
                    .formatted(left + 8, TOP + 18));
        }
        return svg.append("</svg>").toString();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    private static StringBuilder open(String id, String title, String description) {
        return open(id, title, description, HEIGHT, "img");
    }

    private static StringBuilder open(String id, String title, String description, int height, String role) {
        var svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"%s\" viewBox=\"0 0 %d %d\" aria-labelledby=\"%s-title %s-desc\">"
                .formatted(role, WIDTH, height, id, id));
        svg.append("<title id=\"%s-title\">%s</title><desc id=\"%s-desc\">%s</desc>".formatted(id, escape(title), id,
                escape(description)));
        svg.append("<text class=\"chart-title\" x=\"%d\" y=\"22\">%s</text>".formatted(LEFT - 40, escape(title)));
        return svg;
    }

    private static void axes(StringBuilder svg, String xLabel, String yLabel, long max) {
        int bottom = HEIGHT - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double y = bottom - (bottom - TOP) * i / 4.0;
            long value = max * i / 4;
            svg.append("<line class=\"chart-grid\" x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>".formatted(LEFT, num(y),
                    WIDTH - RIGHT, num(y)));
            svg.append("<text class=\"chart-tick\" x=\"%d\" y=\"%s\" text-anchor=\"end\">%d</text>".formatted(LEFT - 6,
                    num(y + 4), value));
        }
        svg.append("<line class=\"chart-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>".formatted(LEFT, bottom,
                WIDTH - RIGHT, bottom));
        svg.append("<text class=\"chart-axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>".formatted(
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 6, escape(xLabel)));
        svg.append("<text class=\"chart-axis-label\" x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>"
                .formatted((TOP + bottom) / 2, (TOP + bottom) / 2, escape(yLabel)));
    }

    private static String xTick(double x, String label) {
        return "<text class=\"chart-tick\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>".formatted(num(x),
                HEIGHT - BOTTOM + 16, escape(label));
    }

    private static void legend(StringBuilder svg, List<String[]> entries) {
        int x = WIDTH - RIGHT - 180;
        for (String[] entry : entries) {
            svg.append("<rect class=\"%s\" x=\"%d\" y=\"12\" width=\"12\" height=\"12\"/>".formatted(entry[0], x));
            svg.append("<text class=\"chart-legend\" x=\"%d\" y=\"22\">%s</text>".formatted(x + 16, escape(entry[1])));
            x += 90;
        }
    }

    /** 1, 2, 5 × 10^n at or above the value, so the axis ticks are round numbers. */
    static long niceCeiling(long value) {
        long magnitude = 1;
        while (magnitude * 10 <= value) {
            magnitude *= 10;
        }
        for (long factor : new long[] {1, 2, 4, 5, 10}) {
            if (factor * magnitude >= value) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
