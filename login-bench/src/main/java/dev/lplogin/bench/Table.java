package dev.lplogin.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The one table {@code bin/bench} prints: a row per measured number, with what it is compared to. */
final class Table {

    /**
     * One measured number.
     *
     * @param bench  which benchmark (hotpath, herd, scale, roundtrips, cli)
     * @param metric what was measured, e.g. {@code bearer() lp-login, 1 thread}
     * @param value  the number, formatted
     * @param unit   its unit, e.g. {@code ns/op}
     * @param note   what it is compared to or how it was taken, may be empty
     */
    record Row(String bench, String metric, String value, String unit, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String bench, String metric, double value, String unit, String note) {
        rows.add(new Row(bench, metric, format(value), unit, note));
    }

    void add(String bench, String metric, long value, String unit, String note) {
        rows.add(new Row(bench, metric, Long.toString(value), unit, note));
    }

    void add(String bench, String metric, String value, String unit, String note) {
        rows.add(new Row(bench, metric, value, unit, note));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The row of {@code bench} whose metric starts with {@code metric}. */
    Optional<Row> find(String bench, String metric) {
        return rows.stream().filter(r -> r.bench().equals(bench) && r.metric().startsWith(metric)).findFirst();
    }

    /** Numbers below 10 with two decimals, below 100 with one, larger ones whole. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        String pattern = abs < 10 ? "%.2f" : abs < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** A Markdown table (readable in a terminal, pasteable into docs/performance.md). */
    void print(PrintStream out) {
        String[] head = {"bench", "metric", "value", "unit", "note"};
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            width[i] = head[i].length();
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        out.println(line(head, width));
        String[] rule = new String[head.length];
        for (int i = 0; i < head.length; i++) {
            rule[i] = (i == 2 ? "-".repeat(width[i] - 1) + ":" : "-".repeat(width[i]));
        }
        out.println(line(rule, width));
        for (Row row : rows) {
            out.println(line(cells(row), width));
        }
    }

    private static String[] cells(Row row) {
        return new String[] {row.bench(), row.metric(), row.value(), row.unit(), row.note()};
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            String padded = i == 2 ? " ".repeat(width[i] - cell.length()) + cell
                    : cell + " ".repeat(width[i] - cell.length());
            line.append(' ').append(padded).append(" |");
        }
        return line.toString();
    }
}
