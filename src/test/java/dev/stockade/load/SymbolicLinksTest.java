package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links met while walking a directory: a link whose target lies outside the directory
 * named on the command line is not read (a scanned repository must not make Stockade read, and
 * audit print, a file elsewhere); a link inside the tree is read once; dangling and looping links
 * are reported; a file named on the command line is read wherever it points.
 */
@Tag("hostile")
class SymbolicLinksTest {
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: %s, namespace: prod, labels: {app: web}}
            spec: {containers: [{name: main, image: i}]}
            """;

    @TempDir
    Path tmp;

    private Path repo;
    private Path outside;

    private void layout() throws IOException {
        repo = Files.createDirectories(tmp.resolve("repo"));
        outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(repo.resolve("namespace.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n");
        Files.writeString(repo.resolve("web.yaml"), POD.formatted("web"));
        Files.writeString(outside.resolve("secret.yaml"), POD.formatted("secret"));
    }

    private static LoadResult load(Path... inputs) {
        List<String> in = new ArrayList<>();
        for (Path p : inputs) {
            in.add(p.toString());
        }
        return Loader.load(in, InputStream.nullInputStream());
    }

    private static List<String> lines(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private static List<String> workloads(LoadResult r) {
        return r.cluster().workloads().stream().map(Object::toString).toList();
    }

    @Test
    void load_linkToAFileOutsideTheDirectory_isNotRead() throws IOException {
        layout();
        Files.createSymbolicLink(repo.resolve("leak.yaml"), outside.resolve("secret.yaml"));

        LoadResult r = load(repo);

        assertThat(lines(r)).containsExactly(repo.resolve("leak.yaml") + ": warning: is a symbolic link to a path"
                + " outside " + repo + " (not read)");
        assertThat(workloads(r)).containsExactly("prod/web");
        assertThat(r.files()).isEqualTo(2);
    }

    @Test
    void load_relativeLinkClimbingOutOfTheDirectory_isNotRead() throws IOException {
        layout();
        Files.createDirectories(repo.resolve("deploy"));
        Files.createSymbolicLink(repo.resolve("deploy/leak.yml"), Path.of("../../elsewhere/secret.yaml"));

        LoadResult r = load(repo);

        assertThat(lines(r)).containsExactly(repo.resolve("deploy/leak.yml") + ": warning: is a symbolic link to a"
                + " path outside " + repo + " (not read)");
        assertThat(workloads(r)).containsExactly("prod/web");
    }

    @Test
    void load_linkToADirectoryOutside_isNotFollowed() throws IOException {
        layout();
        Files.createSymbolicLink(repo.resolve("more"), outside);

        LoadResult r = load(repo);

        assertThat(lines(r)).containsExactly(repo.resolve("more") + ": warning: is a symbolic link to a path"
                + " outside " + repo + " (not read)");
        assertThat(workloads(r)).containsExactly("prod/web");
    }

    @Test
    void load_linkToAFileInsideTheTree_isReadOnce() throws IOException {
        layout();
        Files.createSymbolicLink(repo.resolve("alias.yaml"), Path.of("web.yaml"));

        LoadResult r = load(repo);

        // no "defined twice": the target is read at its own path only
        assertThat(lines(r)).isEmpty();
        assertThat(workloads(r)).containsExactly("prod/web");
        assertThat(r.files()).isEqualTo(2);
    }

    @Test
    void load_linkInsideTheTreeToAFileNotOtherwiseRead_isReadAtTheLinksPath() throws IOException {
        layout();
        Files.writeString(repo.resolve("api.template"), POD.formatted("api"));
        Files.createSymbolicLink(repo.resolve("api.yaml"), Path.of("api.template"));

        LoadResult r = load(repo);

        assertThat(lines(r)).isEmpty();
        assertThat(workloads(r)).containsExactly("prod/api", "prod/web");
        assertThat(r.cluster().workloads().get(0).source().file()).isEqualTo(repo.resolve("api.yaml").toString());
    }

    @Test
    void load_linkToADirectoryInsideTheTree_isNotFollowedAndCannotLoop() throws IOException {
        layout();
        Files.createDirectories(repo.resolve("team"));
        Files.writeString(repo.resolve("team/api.yaml"), POD.formatted("api"));
        Files.createSymbolicLink(repo.resolve("team/again"), Path.of(".."));
        Files.createSymbolicLink(repo.resolve("team2"), Path.of("team"));

        LoadResult r = load(repo);

        assertThat(lines(r)).isEmpty();
        assertThat(workloads(r)).containsExactly("prod/api", "prod/web");
        assertThat(r.files()).isEqualTo(3);
    }

    @Test
    void load_danglingLink_isReported() throws IOException {
        layout();
        Files.createSymbolicLink(repo.resolve("gone.yaml"), Path.of("removed.yaml"));

        LoadResult r = load(repo);

        assertThat(lines(r)).containsExactly(repo.resolve("gone.yaml") + ": warning: is a symbolic link to a missing"
                + " file (not read)");
        assertThat(workloads(r)).containsExactly("prod/web");
    }

    @Test
    void load_linkCycle_isReported() throws IOException {
        layout();
        Files.createSymbolicLink(repo.resolve("a.yaml"), Path.of("b.yaml"));
        Files.createSymbolicLink(repo.resolve("b.yaml"), Path.of("a.yaml"));

        LoadResult r = load(repo);

        assertThat(lines(r)).containsExactly(
                repo.resolve("a.yaml") + ": warning: is a symbolic link in a loop (not read)",
                repo.resolve("b.yaml") + ": warning: is a symbolic link in a loop (not read)");
        assertThat(workloads(r)).containsExactly("prod/web");
    }

    @Test
    void load_linkNotNamedAsAManifest_isIgnoredSilently() throws IOException {
        layout();
        Files.createSymbolicLink(repo.resolve("id_rsa"), outside.resolve("secret.yaml"));

        LoadResult r = load(repo);

        assertThat(lines(r)).isEmpty();
        assertThat(workloads(r)).containsExactly("prod/web");
    }

    @Test
    void load_linkNamedOnTheCommandLine_isRead() throws IOException {
        layout();
        Path link = Files.createSymbolicLink(repo.resolve("leak.yaml"), outside.resolve("secret.yaml"));

        LoadResult r = load(link, repo.resolve("namespace.yaml"));

        assertThat(lines(r)).isEmpty();
        assertThat(workloads(r)).containsExactly("prod/secret");
    }

    @Test
    void load_directoryNamedThroughALink_isWalkedAndItsOwnLinksJudgedAgainstIt() throws IOException {
        layout();
        Path named = Files.createSymbolicLink(tmp.resolve("current"), repo);
        Files.createSymbolicLink(repo.resolve("alias.yaml"), repo.resolve("web.yaml"));
        Files.createSymbolicLink(repo.resolve("leak.yaml"), outside.resolve("secret.yaml"));

        LoadResult r = load(named);

        assertThat(lines(r)).containsExactly(named.resolve("leak.yaml") + ": warning: is a symbolic link to a path"
                + " outside " + named + " (not read)");
        assertThat(workloads(r)).containsExactly("prod/web");
        assertThat(r.cluster().workloads().get(0).source().file()).isEqualTo(named.resolve("web.yaml").toString());
    }

    @Test
    void gitRevision_symbolicLinkBlob_isNotReadAsAManifest() throws Exception {
        layout();
        Files.createSymbolicLink(repo.resolve("leak.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(repo.resolve("alias.yaml"), Path.of("web.yaml"));
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "links");

        GitRevision.PathFiles read = GitRevision.resolve(repo, "HEAD").read(List.of(".")).get(0);

        assertThat(read.files()).extracting(TextInputs.NamedText::name).containsExactly("HEAD:namespace.yaml",
                "HEAD:web.yaml");
        assertThat(read.notices()).extracting(Diagnostic::toString).containsExactly(
                "HEAD:alias.yaml: warning: is a symbolic link (links in a git revision are not read)",
                "HEAD:leak.yaml: warning: is a symbolic link (links in a git revision are not read)");
        assertThat(new String(read.files().get(1).content(), StandardCharsets.UTF_8)).isEqualTo(POD.formatted("web"));
    }

    static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
    }
}
