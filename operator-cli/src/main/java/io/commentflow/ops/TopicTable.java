package io.commentflow.ops;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders topics as a plain-text table: one row per topic, then one indented row per consumer group with its lag.
 * <pre>
 * TOPIC / GROUP          PARTITIONS  END OFFSETS  LAG
 * comment-submitted               6          120
 *   group spam-filter                              3
 * </pre>
 */
final class TopicTable {

    private static final String[] HEADER = {"TOPIC / GROUP", "PARTITIONS", "END OFFSETS", "LAG", "PER PARTITION"};

    private final boolean verbose;

    TopicTable(boolean verbose) {
        this.verbose = verbose;
    }

    void print(List<TopicState> topics, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        for (TopicState topic : topics) {
            if (!topic.exists()) {
                rows.add(new String[] {topic.name(), "missing", "", "", ""});
                continue;
            }
            rows.add(new String[] {topic.name(), String.valueOf(topic.partitions()),
                    String.valueOf(topic.endOffsetSum()), "", verbose ? "end " + perPartition(topic.endOffsets()) : ""});
            for (String group : topic.lagByGroup().keySet()) {
                rows.add(new String[] {"  group " + group, "", "", String.valueOf(topic.lag(group)),
                        verbose ? "lag " + lagPerPartition(topic, group) : ""});
            }
        }
        int columns = verbose ? HEADER.length : HEADER.length - 1;
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = HEADER[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        out.println(format(HEADER, widths));
        for (String[] row : rows) {
            out.println(format(row, widths));
        }
    }

    private static String format(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            boolean numeric = c == 1 || c == 2 || c == 3;
            String cell = row[c];
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(numeric ? pad + cell : cell + pad);
            if (c < widths.length - 1) {
                line.append("  ");
            }
        }
        return line.toString().stripTrailing();
    }

    private static String perPartition(Map<Integer, Long> values) {
        StringJoiner joined = new StringJoiner(" ");
        values.forEach((partition, value) -> joined.add(partition + "=" + value));
        return joined.toString();
    }

    private static String lagPerPartition(TopicState topic, String group) {
        StringJoiner joined = new StringJoiner(" ");
        for (Integer partition : topic.endOffsets().keySet()) {
            Long lag = topic.lag(group, partition);
            joined.add(partition + "=" + (lag == null ? "-" : lag));
        }
        return joined.toString();
    }
}
