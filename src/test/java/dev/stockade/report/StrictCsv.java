package dev.stockade.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader that accepts nothing else: records end with LF (or CRLF); a field is either
 * unquoted (no quote, CR or LF inside) or quoted with doubled inner quotes and followed directly by
 * a comma or the end of the record.
 */
final class StrictCsv {
    private StrictCsv() {}

    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        int i = 0;
        while (i < csv.length()) {
            List<String> fields = new ArrayList<>();
            while (true) {
                StringBuilder f = new StringBuilder();
                if (i < csv.length() && csv.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= csv.length()) {
                            throw new IllegalArgumentException("unterminated quoted field in record " + records.size());
                        }
                        char c = csv.charAt(i++);
                        if (c == '"') {
                            if (i < csv.length() && csv.charAt(i) == '"') {
                                f.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            f.append(c);
                        }
                    }
                    if (i < csv.length() && ",\n\r".indexOf(csv.charAt(i)) < 0) {
                        throw new IllegalArgumentException("text after a closing quote at " + i);
                    }
                } else {
                    while (i < csv.length() && csv.charAt(i) != ',' && csv.charAt(i) != '\n') {
                        char c = csv.charAt(i++);
                        if (c == '"' || c == '\r' && !(i < csv.length() && csv.charAt(i) == '\n')) {
                            throw new IllegalArgumentException("bare " + (c == '"' ? "quote" : "CR")
                                    + " in an unquoted field at " + (i - 1));
                        }
                        if (c != '\r') {
                            f.append(c);
                        }
                    }
                }
                fields.add(f.toString());
                if (i < csv.length() && csv.charAt(i) == '\r') {
                    i++;
                }
                if (i >= csv.length()) {
                    throw new IllegalArgumentException("the last record has no line end");
                }
                char end = csv.charAt(i++);
                if (end == '\n') {
                    break;
                }
            }
            records.add(fields);
        }
        return records;
    }
}
