package dev.stockade.dataplane;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiler's check of its own output, on the text (whatever the records held): a script that
 * fails it is never written. The rules, each a narrower form of nft's grammar than nft accepts:
 * <ul>
 *   <li>no character that could end or disguise a line ({@link NftComment#unsafe}) anywhere;</li>
 *   <li>at the top level (outside braces) only statements on one {@code inet} table:
 *       {@code table inet T}, {@code delete table inet T}, {@code table inet T {}, and the
 *       {@code add|delete|flush} statements of a change ({@link NftDelta}); {@code #} notes;</li>
 *   <li>a quoted string ends on its line and holds at most {@value NftComment#MAX_BYTES} bytes;
 *       outside quoted strings and notes no {@code #}, and {@code ;} only in the base chain's
 *       {@code type … hook …} line;</li>
 *   <li>every name declared or referred to ({@code set}, {@code map}, {@code chain}, {@code table},
 *       {@code @set}, {@code jump}) is an identifier: an ASCII letter, then ASCII letters, digits,
 *       {@code _}, {@code .} or {@code -}, at most 255 bytes (nft reads a leading digit as a number;
 *       the kernel's names hold 255 bytes and a NUL);</li>
 *   <li>braces balance, quoted strings excluded.</li>
 * </ul>
 */
public final class NftScriptCheck {
    static final int NAME_MAX_BYTES = 255;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,254}");
    private static final String NAME = "(\\S+)";
    private static final List<Pattern> TOP_LEVEL = List.of(
            Pattern.compile("(?:delete )?table inet " + NAME),
            Pattern.compile("table inet " + NAME + " \\{"),
            Pattern.compile("add (?:set|map|chain) inet " + NAME + " " + NAME + " \\{"),
            Pattern.compile("(?:add|delete) element inet " + NAME + " " + NAME + " \\{ .* \\}"),
            Pattern.compile("add rule inet " + NAME + " " + NAME + " .*"),
            Pattern.compile("flush chain inet " + NAME + " " + NAME),
            Pattern.compile("delete (?:set|map|chain) inet " + NAME + " " + NAME));
    /** Where a name stands inside a table: declarations, references to sets and jumps. */
    private static final Pattern NAMES = Pattern.compile("(?:^(?:set|map|chain) |@|\\bjump )(\\S+)");
    private static final String HOOK_LINE = "type filter hook ";

    private NftScriptCheck() {}

    /** A script that failed the check: a bug in the compiler, never the user's doing. */
    public static final class InvalidScript extends IllegalStateException {
        InvalidScript(List<String> problems) {
            super("the nft script fails its own check: " + problems.getFirst()
                    + (problems.size() > 1 ? " (first of " + problems.size() + " problems)" : ""));
        }
    }

    /** {@code script} unchanged when it passes; {@link InvalidScript} otherwise. */
    public static String require(String script) {
        List<String> problems = problems(script);
        if (!problems.isEmpty()) {
            throw new InvalidScript(problems);
        }
        return script;
    }

    /** What is wrong with {@code script}, one line each ({@code line N: …}); empty when it passes. */
    public static List<String> problems(String script) {
        List<String> out = new ArrayList<>();
        String table = null;
        int depth = 0;
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = "line " + (i + 1) + ": ";
            String line = lines[i];
            int unsafe = line.codePoints().filter(NftComment::unsafe).findFirst().orElse(-1);
            if (unsafe >= 0) {
                out.add(where + (Character.getType(unsafe) == Character.CONTROL ? "control character" : "character")
                        + String.format(" U+%04X", unsafe) + (Character.getType(unsafe) == Character.CONTROL ? ""
                        : " (format, separator, surrogate or noncharacter)"));
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            // quoted strings: on one line, at most 128 bytes; the rest is what the lexer sees outside them
            StringBuilder bare = new StringBuilder();
            int q = 0;
            boolean open = false;
            while (q < trimmed.length()) {
                int start = trimmed.indexOf('"', q);
                if (start < 0) {
                    bare.append(trimmed, q, trimmed.length());
                    break;
                }
                bare.append(trimmed, q, start).append("\"\"");
                int end = trimmed.indexOf('"', start + 1);
                if (end < 0) {
                    open = true;
                    break;
                }
                int bytes = trimmed.substring(start + 1, end).getBytes(StandardCharsets.UTF_8).length;
                if (bytes > NftComment.MAX_BYTES) {
                    out.add(where + "a quoted string of " + bytes + " bytes (nft allows " + NftComment.MAX_BYTES + ")");
                }
                q = end + 1;
            }
            if (open) {
                out.add(where + "a quoted string that does not end on its line");
                continue;
            }
            String code = bare.toString();
            if (code.indexOf('#') >= 0) {
                out.add(where + "'#' outside a quoted string starts a comment in the middle of a line");
            }
            if (code.indexOf(';') >= 0 && !(depth > 0 && code.startsWith(HOOK_LINE))) {
                out.add(where + "';' outside the base chain's hook line");
            }
            if (depth == 0 && !code.equals("}")) {
                Matcher top = TOP_LEVEL.stream().map(p -> p.matcher(code)).filter(Matcher::matches).findFirst().orElse(null);
                if (top == null) {
                    out.add(where + "'" + trimmed + "' is not a statement on " + (table == null ? "an inet table"
                            : "table inet " + table));
                } else {
                    String t = top.group(1);
                    if (table == null && IDENTIFIER.matcher(t).matches()) {
                        table = t;
                    }
                    for (int g = 1; g <= top.groupCount(); g++) {
                        identifier(out, where, top.group(g));
                    }
                    references(out, where, code.substring(top.end(top.groupCount())));
                    if (table != null && !t.equals(table) && IDENTIFIER.matcher(t).matches()) {
                        out.add(where + "table " + t + " where the script is on table " + table);
                    }
                }
            } else {
                references(out, where, code);
            }
            for (char c : code.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth < 0) {
                    out.add(where + "'}' closes nothing");
                    depth = 0;
                }
            }
        }
        if (depth != 0) {
            out.add("end: " + depth + " unclosed '{'");
        }
        return out;
    }

    private static void references(List<String> out, String where, String code) {
        Matcher names = NAMES.matcher(code);
        while (names.find()) {
            String name = names.group(1);
            identifier(out, where, name.endsWith(",") ? name.substring(0, name.length() - 1) : name);
        }
    }

    private static void identifier(List<String> out, String where, String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            out.add(where + "'" + name + "' is not an nft identifier (a letter, then letters, digits, '_', '.' or '-';"
                    + " at most " + NAME_MAX_BYTES + " bytes)");
        }
    }
}
