package kr.gyeol.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every link of the README and of the manual in {@code docs/} leads somewhere: a file
 * that is there, and a heading of it when the link names one (GitHub's anchors).
 */
class ManualLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** GitHub's anchor of each heading of a page, duplicates numbered. */
    static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        String text = FENCE.matcher(Files.readString(page)).replaceAll("");
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                continue;
            }
            String heading = line.replaceFirst("^#+\\s*", "").strip();
            String slug = heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                .replace(' ', '-');
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    /**
     * The links a page makes outside code, with what is wrong with each that leads
     * nowhere.
     */
    static List<String> broken(Path page) throws IOException {
        String text = INLINE_CODE.matcher(FENCE.matcher(Files.readString(page)).replaceAll("")).replaceAll("");
        List<String> broken = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (target.matches("^[a-z]+:.*")) {
                continue;
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
            if (!Files.exists(linked)) {
                broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
            }
            else if (anchor != null && linked.toString().endsWith(".md") && !anchors(linked).contains(anchor)) {
                broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
            }
        }
        return broken;
    }

    @Test
    void everyLinkOfTheReadmeAndTheManualLeadsSomewhere() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            broken.addAll(broken(page));
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void aLinkToAMissingPageOrHeadingIsFound(@org.junit.jupiter.api.io.TempDir Path folder) throws IOException {
        Path page = folder.resolve("page.md");
        Files.writeString(page, """
                # A page

                ## Its part (`code`)

                [there](#its-part-code) [gone](#elsewhere) [missing](nowhere.md) [web](https://example.com)
                ```
                [in code](nowhere-either.md)
                ```
                """);
        assertThat(broken(page)).hasSize(2)
            .anySatisfy((line) -> assertThat(line).contains("#elsewhere (no such heading)"))
            .anySatisfy((line) -> assertThat(line).contains("nowhere.md (no such file)"));
    }

    @Test
    void theReadmeIsAShortFrontPage() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThanOrEqualTo(150);
    }

}
