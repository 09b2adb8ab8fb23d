package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff --base REV --head REV} on a temporary git repository with two commits: the old and
 * the new version of the diff test inputs under {@code deploy/}.
 */
class DiffGitTest {
    private static final Path OLD = Path.of("src/test/resources/diff-inputs/old");
    private static final Path NEW = Path.of("src/test/resources/diff-inputs/new");

    @TempDir
    Path repo;

    record Run(String out, String err, int exit) {}

    private static Run stockade(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(err));
        return new Run(out.toString(), err.toString(), exit);
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
    }

    private void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @BeforeEach
    void twoCommits() throws IOException, InterruptedException {
        git("init", "-q");
        Files.createDirectories(repo.resolve("deploy"));
        copy(OLD, repo.resolve("deploy"));
        Files.writeString(repo.resolve("README.md"), "not a manifest\n");
        git("add", ".");
        git("commit", "-q", "-m", "old");
        copy(NEW, repo.resolve("deploy"));
        git("add", ".");
        git("commit", "-q", "-m", "new");
    }

    private static List<String> changeLines(String text) {
        return text.lines().filter(l -> l.startsWith("+ ") || l.startsWith("- ") || l.startsWith("~ ")).toList();
    }

    @Test
    void diff_twoCommits_givesTheSameChangesAsThePaths() {
        Run git = stockade("diff", "-C", repo.toString(), "--base", "HEAD~1", "--head", "HEAD", "deploy");
        Run paths = stockade("diff", OLD.toString(), NEW.toString());

        assertThat(git.exit()).as(git.err()).isZero();
        assertThat(git.err()).isEmpty();
        assertThat(changeLines(git.out())).isNotEmpty().isEqualTo(changeLines(paths.out()));
        assertThat(git.out()).contains("# before: HEAD~1\n# after:  HEAD\n")
                .contains("(HEAD:deploy/policies.yaml:158) rule 0 (HEAD:deploy/policies.yaml:170) admits it")
                .contains("NetworkPolicy production/default-deny-all (HEAD~1:deploy/policies.yaml:3) admits nothing");
    }

    @Test
    void diff_noPath_readsTheWholeTreeAndIgnoresOtherFiles() {
        Run r = stockade("diff", "-C", repo.toString(), "--base", "HEAD~1", "--head", "HEAD", "-o", "json",
                "--fail-on", "added");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("\"before\": \"HEAD~1\"", "\"workloadsAdded\": 1");
    }

    @Test
    void diff_workTreeChanges_areNeitherReadNorTouched() throws IOException, InterruptedException {
        Path policies = repo.resolve("deploy/policies.yaml");
        Files.writeString(policies, "this: [is not: valid yaml\n");
        Files.writeString(repo.resolve("deploy/untracked.yaml"), "also: [broken\n");

        Run r = stockade("diff", "-C", repo.toString(), "--base", "HEAD", "--head", "HEAD", "deploy");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).endsWith("no connectivity changes\n");
        assertThat(Files.readString(policies)).isEqualTo("this: [is not: valid yaml\n");
        assertThat(repo.resolve("deploy/untracked.yaml")).exists();
        git("diff", "--quiet", "HEAD", "--", "deploy/namespaces.yaml", "deploy/workloads.yaml");
    }

    @Test
    void diff_pathOnlyInHead_isComparedAsEmptyInBase() throws IOException, InterruptedException {
        Files.createDirectories(repo.resolve("team-c"));
        Files.writeString(repo.resolve("team-c/ns.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-c\n");
        git("add", ".");
        git("commit", "-q", "-m", "team-c");

        Run r = stockade("diff", "-C", repo.toString(), "--base", "HEAD~1", "--head", "HEAD", "team-c");

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEqualTo("stockade: team-c: no manifest files in HEAD~1; compared as empty there\n");
        assertThat(r.out()).endsWith("no connectivity changes\n");
    }

    @Test
    void diff_pathInNeitherRevision_isBadInput() {
        Run r = stockade("diff", "-C", repo.toString(), "--base", "HEAD~1", "--head", "HEAD", "nowhere");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("stockade: nowhere: no manifest files (.yaml, .yml, .json) in HEAD~1 nor in HEAD\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void diff_brokenManifestInARevision_isBadInputNamedByRevisionAndPath() throws IOException, InterruptedException {
        Files.writeString(repo.resolve("deploy/broken.yaml"), "kind: [\n");
        git("add", ".");
        git("commit", "-q", "-m", "broken");

        Run r = stockade("diff", "-C", repo.toString(), "--base", "HEAD~1", "--head", "HEAD", "deploy");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("HEAD:deploy/broken.yaml:2:1: error: YAML syntax error: expected the node"
                + " content, but found '<stream end>' (while parsing a flow node)\n"
                + "stockade: no diff: some input of HEAD is unusable (see the errors above)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void diff_unknownRevision_isBadInput() {
        Run r = stockade("diff", "-C", repo.toString(), "--base", "no-such-branch", "--head", "HEAD");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("stockade: unknown git revision 'no-such-branch' (expected a branch, tag or commit)\n");
    }

    @Test
    void diff_notAGitRepository_isBadInput(@TempDir Path elsewhere) {
        Run r = stockade("diff", "-C", elsewhere.toString(), "--base", "main", "--head", "HEAD");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("stockade: not a git repository: ")
                .endsWith(" (--base and --head read revisions of the repository the command runs in)\n");
    }
}
