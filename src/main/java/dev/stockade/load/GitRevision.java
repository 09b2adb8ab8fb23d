package dev.stockade.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import dev.stockade.model.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The manifest files of one revision of a git repository, read with {@code git ls-tree} and
 * {@code git cat-file --batch}: the work tree, the index and the refs are never touched. Paths
 * are relative to the directory git runs in, as git prints them; each file is named
 * {@code REV:path}, the spelling {@code git show} accepts.
 */
public final class GitRevision {
    private final Path dir;
    private final String rev;
    private final String commit;

    /** A problem with the repository or the revision, with a message for the user. */
    public static final class GitException extends Exception {
        public GitException(String message) {
            super(message);
        }
    }

    /**
     * What one path argument stands for in this revision: its manifest files ({@code present}
     * false when the path has none in the revision), and a warning for each symbolic link named
     * like a manifest: a link is not read, as its target may lie outside the repository. A file
     * already listed under an earlier path is not listed again.
     */
    public record PathFiles(String path, boolean present, List<TextInputs.NamedText> files, List<Diagnostic> notices) {
        public PathFiles {
            files = List.copyOf(files);
            notices = List.copyOf(notices);
        }
    }

    private GitRevision(Path dir, String rev, String commit) {
        this.dir = dir;
        this.rev = rev;
        this.commit = commit;
    }

    /**
     * Resolves {@code rev} (a branch, tag, commit or any revision expression naming a commit) in
     * the repository holding {@code dir}.
     */
    public static GitRevision resolve(Path dir, String rev) throws GitException {
        if (!Files.isDirectory(dir)) {
            throw new GitException(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory")
                    + " (expected the directory to run git in)");
        }
        Result inside = run(dir, null, "git", "rev-parse", "--is-inside-work-tree");
        if (inside.exit != 0) {
            throw new GitException("not a git repository: " + dir.toAbsolutePath().normalize()
                    + " (--base and --head read revisions of the repository the command runs in)");
        }
        Result r = run(dir, null, "git", "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}");
        if (r.exit != 0 || rev.isEmpty()) {
            throw new GitException("unknown git revision '" + rev + "' (expected a branch, tag or commit)");
        }
        return new GitRevision(dir, rev, new String(r.out, StandardCharsets.UTF_8).trim());
    }

    /** The revision as the user wrote it. */
    public String name() {
        return rev;
    }

    /** The manifest files (.yaml, .yml, .json) under each path, in git's path order. */
    public List<PathFiles> read(List<String> paths) throws GitException {
        Map<String, String> blobByPath = new LinkedHashMap<>();
        List<List<String>> pathsOf = new ArrayList<>();
        List<List<Diagnostic>> linksOf = new ArrayList<>();
        Set<String> links = new HashSet<>();
        for (String p : paths) {
            List<String> listed = new ArrayList<>();
            List<Diagnostic> notices = new ArrayList<>();
            Result ls = run(dir, null, "git", "ls-tree", "-r", "-z", commit, "--", p);
            if (ls.exit != 0) {
                throw new GitException("git ls-tree failed for " + p + " in " + rev + ": " + ls.err.strip());
            }
            for (String entry : new String(ls.out, StandardCharsets.UTF_8).split("\0")) {
                int tab = entry.indexOf('\t');
                if (tab < 0) {
                    continue;
                }
                String[] meta = entry.substring(0, tab).split(" ");
                String path = entry.substring(tab + 1);
                // regular files only: no symbolic links (120000), no submodules (commit)
                if (meta.length == 3 && meta[1].equals("blob") && isManifest(path)) {
                    if (!meta[0].equals("120000")) {
                        listed.add(path);
                        blobByPath.putIfAbsent(path, meta[2]);
                    } else if (links.add(path)) {
                        notices.add(new Diagnostic(Diagnostic.Severity.WARNING, new Source(rev + ":" + path, 0, 0), "",
                                "", "is a symbolic link (links in a git revision are not read)"));
                    }
                }
            }
            pathsOf.add(listed);
            linksOf.add(notices);
        }
        Map<String, byte[]> contents = contents(blobByPath);
        List<PathFiles> out = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (int i = 0; i < paths.size(); i++) {
            List<TextInputs.NamedText> files = new ArrayList<>();
            for (String path : pathsOf.get(i)) {
                if (given.add(path)) {
                    files.add(new TextInputs.NamedText(rev + ":" + path, contents.get(path)));
                }
            }
            out.add(new PathFiles(paths.get(i), !pathsOf.get(i).isEmpty(), files, linksOf.get(i)));
        }
        return out;
    }

    private static boolean isManifest(String path) {
        String n = path.toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /** Every blob's bytes through one {@code git cat-file --batch}. */
    private Map<String, byte[]> contents(Map<String, String> blobByPath) throws GitException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (blobByPath.isEmpty()) {
            return out;
        }
        StringBuilder request = new StringBuilder();
        List<String> order = new ArrayList<>(blobByPath.keySet());
        for (String path : order) {
            request.append(blobByPath.get(path)).append('\n');
        }
        Result r = run(dir, request.toString().getBytes(StandardCharsets.UTF_8), "git", "cat-file", "--batch");
        if (r.exit != 0) {
            throw new GitException("git cat-file failed in " + rev + ": " + r.err.strip());
        }
        byte[] b = r.out;
        int at = 0;
        for (String path : order) {
            int nl = indexOf(b, (byte) '\n', at);
            String[] header = nl < 0 ? new String[0] : new String(b, at, nl - at, StandardCharsets.UTF_8).split(" ");
            if (header.length != 3 || !header[1].equals("blob")) {
                throw new GitException("cannot read " + rev + ":" + path + " from git");
            }
            int size = Integer.parseInt(header[2]);
            out.put(path, Arrays.copyOfRange(b, nl + 1, nl + 1 + size));
            at = nl + 1 + size + 1;
        }
        return out;
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private record Result(int exit, byte[] out, String err) {}

    /** Runs a command in {@code dir} with {@code input} on its standard input; never touches the terminal. */
    private static Result run(Path dir, byte[] input, String... command) throws GitException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new GitException("cannot run git (" + e.getMessage() + "); is it installed and on PATH?");
        }
        Thread writer = Thread.ofVirtual().start(() -> {
            try (OutputStream in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input);
                }
            } catch (IOException ignored) {
                // git exited early; its exit code and stderr say why
            }
        });
        byte[][] err = new byte[1][];
        Thread errReader = Thread.ofVirtual().start(() -> err[0] = readAll(p.getErrorStream()));
        byte[] out = readAll(p.getInputStream());
        try {
            int exit = p.waitFor();
            writer.join();
            errReader.join();
            return new Result(exit, out, new String(err[0], StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new GitException("interrupted while running git");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
