package dev.stockade.cli;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.HostNetworkMode;
import dev.stockade.lab.Lab;
import dev.stockade.load.LoadResult;
import dev.stockade.load.TextInputs;
import dev.stockade.load.TextInputs.NamedText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The input of a running lab, recorded under {@link Lab#STATE_DIR}{@code /input} by {@code lab up}
 * and {@code lab apply}: the bytes of every file read (standard input included), in reading order
 * and under the names the loader gave them, and the ipBlock mode. {@code lab apply} loads it again
 * to know the table the kernel holds, so that it can load only the difference.
 *
 * @param files the manifests as read
 * @param options the analysis options the table was compiled with
 * @param loaded what loading them gave
 */
record LabInput(List<NamedText> files, AnalysisOptions options, LoadResult loaded) {
    private static final Path DIR = Lab.STATE_DIR.resolve("input");

    /**
     * Loads the command's inputs (diagnostics printed to {@code err}) and keeps their bytes; standard
     * input is read once, for both. Returns null on bad input.
     */
    static LabInput read(InputOptions input, InputStream stdin, PrintWriter err) {
        byte[] in = new byte[0];
        if (input.paths.contains("-")) {
            try {
                in = stdin.readAllBytes();
            } catch (IOException e) {
                err.println("stockade: cannot read standard input: " + e.getMessage());
                err.flush();
                return null;
            }
        }
        LoadResult loaded = input.load(new ByteArrayInputStream(in), err);
        if (loaded.hasErrors() || LabCommand.refuses(loaded.cluster(), input.analysisOptions(), err)) {
            return null;
        }
        List<NamedText> files = new ArrayList<>();
        for (String p : input.paths) {
            if (p.equals("-")) {
                files.add(new NamedText("<stdin>", in));
            } else if (Files.isDirectory(Path.of(p))) {
                try (Stream<Path> s = Files.walk(Path.of(p))) {
                    for (Path f : s.filter(Files::isRegularFile).filter(LabInput::isManifest).sorted().toList()) {
                        files.add(new NamedText(f.toString(), Files.readAllBytes(f)));
                    }
                } catch (IOException | UncheckedIOException e) {
                    err.println("stockade: " + p + ": cannot read directory: " + e.getMessage());
                    err.flush();
                    return null;
                }
            } else {
                try {
                    files.add(new NamedText(p, Files.readAllBytes(Path.of(p))));
                } catch (IOException e) {
                    err.println("stockade: " + p + ": cannot read file: " + e.getMessage());
                    err.flush();
                    return null;
                }
            }
        }
        return new LabInput(files, input.analysisOptions(), loaded);
    }

    private static boolean isManifest(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /** Records this input as the running lab's (replacing what was recorded). */
    void save() {
        try {
            if (Files.isDirectory(DIR)) {
                try (Stream<Path> s = Files.list(DIR)) {
                    for (Path p : s.toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(DIR);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Files.write(DIR.resolve("file-" + i), files.get(i).content());
                names.add(files.get(i).name());
            }
            Files.write(DIR.resolve("names"), names, StandardCharsets.UTF_8);
            Files.writeString(DIR.resolve("options"), "ipBlockMatchesPods=" + options.ipBlockMatchesPods() + "\n"
                    + "hostNetwork=" + options.hostNetwork().flag() + "\n");
        } catch (IOException e) {
            throw new Lab.LabException("cannot record the lab's input under " + DIR + ": " + e.getMessage());
        }
    }

    /** The running lab's recorded input, loaded again; null when nothing is recorded. */
    static LabInput recorded() {
        if (!Files.exists(DIR.resolve("options"))) {
            return null;
        }
        try {
            List<String> names = Files.readAllLines(DIR.resolve("names"), StandardCharsets.UTF_8);
            List<NamedText> files = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                files.add(new NamedText(names.get(i), Files.readAllBytes(DIR.resolve("file-" + i))));
            }
            List<String> options = Files.readAllLines(DIR.resolve("options"), StandardCharsets.UTF_8);
            boolean matches = options.contains("ipBlockMatchesPods=true");
            HostNetworkMode hostNetwork = options.contains("hostNetwork=pod") ? HostNetworkMode.POD
                    : HostNetworkMode.NODE;
            return new LabInput(files, new AnalysisOptions(matches, hostNetwork), TextInputs.load(files));
        } catch (IOException | UncheckedIOException e) {
            throw new Lab.LabException("cannot read the lab's recorded input under " + DIR + ": " + e.getMessage());
        }
    }
}
