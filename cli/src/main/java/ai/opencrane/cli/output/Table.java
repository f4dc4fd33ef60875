package ai.opencrane.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

/** Rows under upper-case headings, columns padded to their widest cell and three spaces apart. */
public final class Table {

    static final int WIDEST_CELL = 80;

    private Table() {
    }

    public static void print(List<JsonObject> rows, List<Column> columns, PrintWriter out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.stream().map(Column::heading).toArray(String[]::new));
        for (JsonObject row : rows) {
            lines.add(columns.stream().map(c -> clip(c.cell(row))).toArray(String[]::new));
        }
        int[] widths = new int[columns.size()];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                b.append(line[i]);
                if (i + 1 < line.length) {
                    b.append(" ".repeat(widths[i] - line[i].length() + 3));
                }
            }
            out.println(b.toString().stripTrailing());
        }
    }

    static String clip(String s) {
        return s.length() <= WIDEST_CELL ? s : s.substring(0, WIDEST_CELL - 3) + "...";
    }
}
