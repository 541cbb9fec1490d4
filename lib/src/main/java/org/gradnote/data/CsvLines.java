package org.gradnote.data;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into trimmed fields, honouring double quotes (RFC 4180 within a line). */
final class CsvLines {
    private CsvLines() {}

    static String[] split(String line, char sep, String file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new CsvFormatException(file, lineNo, null, "unterminated double quote");
        out.add(cur.toString().trim());
        return out.toArray(new String[0]);
    }
}
