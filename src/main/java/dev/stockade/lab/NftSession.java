package dev.stockade.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A long-lived {@code nft -i} in the router namespace, so that a change costs no process start.
 * nft runs each line it reads as one batch, that is one transaction: a script is sent as one line
 * (its lines joined by {@code ;}, which nft's grammar takes as it takes a newline), followed by a
 * {@code describe} command whose known answer marks the end of the script's output. nft prints
 * nothing for a change that succeeds and an {@code Error:} for one it refuses (the transaction is
 * then not applied). Only for scripts up to {@link #MAX_LINE} characters: some nft builds read
 * interactive lines through a line editor with a bounded buffer; longer scripts go to {@code nft -f}.
 */
public final class NftSession implements AutoCloseable {
    static final int MAX_LINE = 4000;
    private static final String MARK = "describe meta mark";

    private final Process process;
    private final OutputStream in;
    private final BufferedReader out;
    private final String mark;

    /** Starts {@code nft -i} in network namespace {@code namespace}. */
    public NftSession(String namespace) {
        try {
            process = new ProcessBuilder("ip", "netns", "exec", namespace, "nft", "-i").redirectErrorStream(true).start();
            in = process.getOutputStream();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            send(MARK);
            mark = out.readLine();
        } catch (IOException e) {
            throw new Lab.LabException("cannot start nft -i: " + e.getMessage());
        }
        if (mark == null || mark.isBlank() || mark.startsWith("Error")) {
            close();
            throw new Lab.LabException("nft -i does not answer as expected: " + mark);
        }
    }

    /** Whether {@code script} can go through a session. */
    public static boolean fits(String script) {
        return oneLine(script).length() <= MAX_LINE;
    }

    /** Applies {@code script} as one transaction; the result's output is nft's complaint, empty when it succeeded. */
    synchronized Lab.Result apply(String script) {
        List<String> output = new ArrayList<>();
        try {
            send(oneLine(script) + "\n" + MARK);
            for (String line = out.readLine(); !mark.equals(line); line = out.readLine()) {
                if (line == null) {
                    return new Lab.Result(-1, String.join("\n", output) + "\n(nft -i ended)");
                }
                output.add(line);
            }
        } catch (IOException e) {
            return new Lab.Result(-1, e.toString());
        }
        boolean refused = output.stream().anyMatch(l -> l.startsWith("Error"));
        return new Lab.Result(refused ? 1 : 0, String.join("\n", output));
    }

    /**
     * Applies {@code script} as one transaction and returns nothing, or nft's complaint when it
     * refused it (or the session ended).
     */
    public Optional<String> submit(String script) {
        Lab.Result r = apply(script);
        return r.exit() == 0 ? Optional.empty() : Optional.of(r.output());
    }

    /**
     * The script as one line: statements joined by {@code ;}, but a line that ends inside a list
     * (after a comma, as long element lists wrap) or opens a block continues with a space.
     */
    static String oneLine(String script) {
        StringBuilder sb = new StringBuilder();
        for (String l : script.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            if (!sb.isEmpty()) {
                char last = sb.charAt(sb.length() - 1);
                sb.append(last == ',' || last == '{' ? " " : "; ");
            }
            sb.append(l);
        }
        return sb.toString();
    }

    private void send(String text) throws IOException {
        in.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
