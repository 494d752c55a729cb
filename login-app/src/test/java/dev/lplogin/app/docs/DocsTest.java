package dev.lplogin.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: every {@code spec §N} citation in code and docs names a section of
 * {@code docs/protocol.md}, every relative Markdown link (and its {@code #anchor}) resolves, and no file refers to
 * material outside the repository. Reads the working tree of the checkout the build runs in (sources, docs,
 * scripts; build output and VCS data skipped).
 */
class DocsTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path PROTOCOL = ROOT.resolve("docs/protocol.md");

    /** A section number after {@code §}, and the far end of a range such as {@code §3.2–3.5}. */
    private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)*)(?:[–-](\\d+(?:\\.\\d+)*))?");
    /** A numbered heading: {@code ## 3. Login Service}, {@code ### 3.2 Refresh}. */
    private static final Pattern NUMBERED_HEADING = Pattern.compile("^#{2,6} (\\d+(?:\\.\\d+)*)\\.? ");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

    /**
     * Paths of inputs the team works from that are not part of the product. Built from pieces so that this file
     * does not match itself.
     */
    private static final List<Pattern> OUTSIDE_REFERENCES = List.of(
            Pattern.compile("\\.\\./" + "shared"),
            Pattern.compile("shared/" + "(spec|design|notes)"),
            Pattern.compile("build-" + "notes"),
            Pattern.compile("(?<!docs/)(?<!\\]\\()\\bdesign" + "\\.md"));

    @Test
    void every_spec_citation_names_a_section_of_the_protocol_page() {
        Set<String> sections = numberedHeadings(PROTOCOL);
        assertThat(sections).as("numbered sections of docs/protocol.md").contains("1", "2", "3", "3.1", "3.2", "4");

        List<String> unresolved = new ArrayList<>();
        int citations = 0;
        for (Path file : textFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = SECTION.matcher(lines.get(i));
                while (m.find()) {
                    if (isOtherDocument(lines.get(i), m.start())) {
                        continue;
                    }
                    citations++;
                    for (String cited : new String[] {m.group(1), m.group(2)}) {
                        if (cited != null && !sections.contains(cited)) {
                            unresolved.add(ROOT.relativize(file) + ":" + (i + 1) + ": §" + cited);
                        }
                    }
                }
            }
        }
        assertThat(citations).as("citations found (the scan must see the code)").isGreaterThan(100);
        assertThat(unresolved).as("citations of sections docs/protocol.md does not have").isEmpty();
    }

    @Test
    void no_file_refers_to_material_outside_the_repository() {
        List<String> offending = new ArrayList<>();
        for (Path file : textFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern outside : OUTSIDE_REFERENCES) {
                    if (outside.matcher(lines.get(i)).find()) {
                        offending.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void relative_markdown_links_and_their_anchors_resolve() {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path file : textFiles()) {
            if (!file.toString().endsWith(".md")) {
                continue;
            }
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MARKDOWN_LINK.matcher(lines.get(i));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue; // https:, mailto: — not ours to check offline
                    }
                    links++;
                    int hash = target.indexOf('#');
                    String path = hash < 0 ? target : target.substring(0, hash);
                    Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                    String where = ROOT.relativize(file) + ":" + (i + 1) + ": " + target;
                    if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                        broken.add(where + " (no such file)");
                    } else if (hash >= 0 && resolved.toString().endsWith(".md")
                            && !anchors(resolved).contains(target.substring(hash + 1))) {
                        broken.add(where + " (no such heading)");
                    }
                }
            }
        }
        assertThat(links).as("relative links found").isGreaterThan(5);
        assertThat(broken).isEmpty();
    }

    @Test
    void anchors_are_computed_the_way_the_repository_host_renders_them() {
        assertThat(slug("3.2 Refresh")).isEqualTo("32-refresh");
        assertThat(slug("2. Domain API (CSDS)")).isEqualTo("2-domain-api-csds");
        assertThat(slug("Write your own adapter")).isEqualTo("write-your-own-adapter");
        assertThat(slug("`lp-login token` and --verbose")).isEqualTo("lp-login-token-and---verbose");
    }

    /** {@code §} used for another document, e.g. {@code RFC 9110 §10.2.3}. */
    private static boolean isOtherDocument(String line, int at) {
        String before = line.substring(Math.max(0, at - 16), at);
        return before.contains("RFC");
    }

    private static Set<String> numberedHeadings(Path markdown) {
        return lines(markdown).stream().map(NUMBERED_HEADING::matcher).filter(Matcher::find).map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> anchors(Path markdown) {
        boolean[] inCode = {false};
        return lines(markdown).stream()
                .filter(line -> {
                    if (line.startsWith("```")) {
                        inCode[0] = !inCode[0];
                        return false;
                    }
                    return !inCode[0];
                })
                .map(HEADING::matcher).filter(Matcher::find).map(m -> slug(m.group(1)))
                .collect(Collectors.toSet());
    }

    /** GitHub's heading anchor: lower case, punctuation other than {@code -} and {@code _} dropped, spaces to dashes. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** The files a reader of the repository reads: sources, docs, build files, scripts. */
    private static List<Path> textFiles() {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> ROOT.relativize(f).toString().chars().noneMatch(c -> c == '\\'))
                    .filter(DocsTest::isSourceOrDoc)
                    .filter(f -> !f.getFileName().toString().equals("DocsTest.java"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSourceOrDoc(Path file) {
        Path relative = ROOT.relativize(file);
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals(".git") || name.equals("node_modules")) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        String top = relative.getName(0).toString();
        return name.matches(".*\\.(java|md|xml|properties|yml|yaml|sh|txt|json|lua)$")
                || (relative.getNameCount() == 2 && (top.equals("bin") || top.equals(".ci")));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return List.of(); // not text after all
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout: the nearest directory above the working directory that holds {@code docs/protocol.md}. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/protocol.md")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/protocol.md above " + Path.of("").toAbsolutePath());
    }
}
