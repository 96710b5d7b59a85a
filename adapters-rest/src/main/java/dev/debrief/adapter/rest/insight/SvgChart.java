package dev.debrief.adapter.rest.insight;

import java.util.List;
import java.util.Locale;

/**
 * A small SVG writer for the two charts the insights draw: a horizontal bar chart (the breakdown) and a line
 * chart (the trend). Text widths are estimated from the characters (no font is measured: nothing here needs AWT
 * or installed fonts); a label longer than its room is cut with an ellipsis and keeps its full text in a
 * {@code <title>}. Every text is XML-escaped. The chart names itself ({@code <title>}, {@code <desc>},
 * {@code role="img"}), so a screen reader reads what it shows.
 */
final class SvgChart {

    static final String FONT = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";
    static final int WIDTH = 800;
    static final String AXIS = "#374151";
    static final String GRID = "#e5e7eb";
    static final String MUTED = "#6b7280";

    private SvgChart() {
    }

    /**
     * One bar: its label, its value and, when the chart has a second series, the second value; {@code valueText}
     * is written after the bar, {@code detail} is the bar's tooltip (its {@code <title>}).
     */
    record Bar(String label, long value, Long second, String valueText, String detail) {
    }

    /** A line: its name, colour and one value per period. */
    record Series(String name, String color, List<Long> values) {
    }

    /** A horizontal bar chart, one row per bar, the largest value setting the scale. */
    static String bars(String title, String subtitle, String description, String axisLabel, List<Bar> bars,
                       String firstName, String firstColor, String secondName, String secondColor) {
        boolean two = secondName != null;
        int rowHeight = two ? 34 : 26;
        int top = two ? 96 : 76;
        double labelWidth = Math.min(320, Math.max(80, bars.stream().mapToDouble(b -> textWidth(b.label(), 12)).max().orElse(80) + 12));
        double left = 16 + labelWidth;
        double right = WIDTH - 16 - Math.max(24, bars.stream().mapToDouble(b -> textWidth(b.valueText(), 11)).max().orElse(24) + 6);
        int plotHeight = Math.max(bars.size(), 1) * rowHeight;
        int height = top + plotHeight + 56;
        StringBuilder svg = open(title, description, height);
        header(svg, title, subtitle);
        if (two) {
            legend(svg, 16, 70, List.of(new Series(firstName, firstColor, List.of()), new Series(secondName, secondColor, List.of())));
        }
        long max = bars.stream().mapToLong(b -> Math.max(b.value(), b.second() == null ? 0 : b.second())).max().orElse(0);
        long[] ticks = ticks(max);
        long scaleMax = ticks[ticks.length - 1];
        double plotWidth = right - left;
        for (long tick : ticks) {
            double x = left + plotWidth * tick / scaleMax;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>",
                    x, top, x, top + plotHeight, tick == 0 ? AXIS : GRID));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"%s\" text-anchor=\"middle\">%d</text>",
                    x, top + plotHeight + 16, MUTED, tick));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"%s\" text-anchor=\"middle\">%s</text>",
                left + plotWidth / 2, top + plotHeight + 40, AXIS, escape(axisLabel)));
        if (bars.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\" fill=\"%s\" text-anchor=\"middle\">%s</text>",
                    left + plotWidth / 2, top + rowHeight / 2 + 5, MUTED, escape("No losses in this period")));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = top + i * rowHeight;
            svg.append("<g><title>").append(escape(bar.detail())).append("</title>");
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"%s\" text-anchor=\"end\">",
                    left - 8, y + (two ? 15 : 17), AXIS));
            String shown = truncate(bar.label(), labelWidth - 8, 12);
            if (!shown.equals(bar.label())) {
                svg.append("<title>").append(escape(bar.label())).append("</title>");
            }
            svg.append(escape(shown)).append("</text>");
            double barHeight = two ? 12 : 16;
            double w = plotWidth * bar.value() / scaleMax;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    left, y + 5.0, w, barHeight, firstColor));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"%s\">%s</text>",
                    left + w + 4, y + 5.0 + barHeight - 3, AXIS, escape(bar.valueText())));
            if (two) {
                double w2 = plotWidth * (bar.second() == null ? 0 : bar.second()) / scaleMax;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                        left, y + 19.0, w2, 9.0, secondColor));
                if (bar.second() != null && bar.second() > 0) {
                    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"%s\">%d</text>",
                            left + w2 + 4, y + 27.0, MUTED, bar.second()));
                }
            }
            svg.append("</g>");
        }
        return svg.append("</svg>\n").toString();
    }

    /** A line chart of counts per period; periods are labelled below, thinned to about twelve labels. */
    static String lines(String title, String subtitle, String description, String axisLabel, List<String> periods,
                        List<Series> series) {
        int height = 440;
        double left = 64;
        double right = WIDTH - 24;
        int top = 96;
        int bottom = height - 72;
        StringBuilder svg = open(title, description, height);
        header(svg, title, subtitle);
        legend(svg, 16, 70, series);
        long max = series.stream().flatMap(s -> s.values().stream()).mapToLong(Long::longValue).max().orElse(0);
        long[] ticks = ticks(max);
        long scaleMax = ticks[ticks.length - 1];
        for (long tick : ticks) {
            double y = bottom - (bottom - top) * (double) tick / scaleMax;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                    left, y, right, y, tick == 0 ? AXIS : GRID));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"%s\" text-anchor=\"end\">%d</text>",
                    left - 6, y + 4, MUTED, tick));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" font-size=\"12\" fill=\"%s\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 16 %.1f)\">%s</text>", (top + bottom) / 2.0, AXIS, (top + bottom) / 2.0, escape(axisLabel)));
        int n = periods.size();
        if (n == 0) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" fill=\"%s\" text-anchor=\"middle\">%s</text>",
                    (left + right) / 2, (top + bottom) / 2.0, MUTED, escape("No periods")));
            return svg.append("</svg>\n").toString();
        }
        double step = n == 1 ? 0 : (right - left - 20) / (n - 1);
        double x0 = n == 1 ? (left + right) / 2 : left + 10;
        double labelRoom = Math.max(40, textWidth(periods.get(0), 11) + 12);
        int every = Math.max(1, (int) Math.ceil(n / Math.max(1.0, Math.floor((right - left) / labelRoom))));
        for (int i = 0; i < n; i++) {
            if (i % every == 0 || i == n - 1 && (n - 1) % every == 0) {
                double x = x0 + step * i;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>",
                        x, bottom, x, bottom + 4, AXIS));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"%s\" text-anchor=\"middle\">%s</text>",
                        x, bottom + 18, MUTED, escape(periods.get(i))));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"%s\" text-anchor=\"middle\">%s</text>",
                (left + right) / 2, bottom + 44, AXIS, escape("Period (closed date)")));
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double x = x0 + step * i;
                double y = bottom - (bottom - top) * (double) s.values().get(i) / scaleMax;
                points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x, y));
            }
            svg.append("<g>");
            if (n > 1) {
                svg.append("<polyline fill=\"none\" stroke=\"").append(s.color()).append("\" stroke-width=\"2.5\" points=\"")
                        .append(points).append("\"/>");
            }
            for (int i = 0; i < n; i++) {
                double x = x0 + step * i;
                double y = bottom - (bottom - top) * (double) s.values().get(i) / scaleMax;
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\"><title>%s</title></circle>",
                        x, y, n > 60 ? "2" : "3.5", s.color(), escape(periods.get(i) + ": " + s.values().get(i) + " " + s.name())));
            }
            svg.append("</g>");
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String title, String description, int height) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"%s\">", WIDTH, height, WIDTH, height, FONT));
        svg.append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"chart-desc\">").append(escape(description)).append("</desc>");
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>", WIDTH, height));
        return svg;
    }

    private static void header(StringBuilder svg, String title, String subtitle) {
        svg.append("<text x=\"16\" y=\"30\" font-size=\"18\" font-weight=\"bold\" fill=\"#111827\">")
                .append(escape(truncate(title, WIDTH - 32, 18))).append("</text>");
        svg.append("<text x=\"16\" y=\"52\" font-size=\"12\" fill=\"").append(MUTED).append("\">")
                .append(escape(truncate(subtitle, WIDTH - 32, 12))).append("</text>");
    }

    private static void legend(StringBuilder svg, double x, int y, List<Series> series) {
        double at = x;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", at, y - 10, s.color()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>", at + 17, y, AXIS,
                    escape(s.name())));
            at += 17 + textWidth(s.name(), 12) + 24;
        }
    }

    /** Round ticks from 0 covering {@code max}: steps of 1, 2 or 5 times a power of ten, at most about 6. */
    static long[] ticks(long max) {
        if (max <= 0) {
            return new long[]{0, 1};
        }
        long step = 1;
        while (max / step > 5) {
            long next = step * 2;
            if (max / next <= 5) {
                step = next;
                break;
            }
            next = step * 5;
            if (max / next <= 5) {
                step = next;
                break;
            }
            step *= 10;
        }
        long top = ((max + step - 1) / step) * step;
        long[] ticks = new long[(int) (top / step) + 1];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }

    /**
     * An estimate of the text's width in a sans-serif font of this size: narrow, wide and full-width characters
     * apart, the rest at 0.6 em (DejaVu Sans's average; most sans-serif fonts are narrower, so text fits).
     */
    static double textWidth(String text, double size) {
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if ("iljI.,:;'|!() ".indexOf(c) >= 0) {
                em += 0.32;
            } else if ("MWmw@%".indexOf(c) >= 0) {
                em += 0.9;
            } else if (Character.isUpperCase(c)) {
                em += 0.7;
            } else if (c >= 0x1100 && Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN
                    && Character.UnicodeScript.of(c) != Character.UnicodeScript.CYRILLIC && Character.UnicodeScript.of(c) != Character.UnicodeScript.GREEK) {
                em += 1.0;
            } else {
                em += 0.6;
            }
        }
        return em * size;
    }

    /** The text, or as much of it as fits in {@code width} followed by an ellipsis. */
    static String truncate(String text, double width, double size) {
        if (textWidth(text, size) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && textWidth(text.substring(0, end) + "…", size) > width) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    /** XML-escaped text; characters XML 1.0 forbids (controls) are dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.toString();
    }
}
