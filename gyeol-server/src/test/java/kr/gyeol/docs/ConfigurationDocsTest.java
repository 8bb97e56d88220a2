package kr.gyeol.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/configuration.md names every {@code gyeol.*} setting the gateway binds, with the
 * default it has: both read from the configuration metadata that the build generates from
 * the {@code @ConfigurationProperties} records, so the page cannot drift from the code.
 */
class ConfigurationDocsTest {

    private static final Path PAGE = Path.of("../docs/configuration.md");

    private static final Pattern NAME = Pattern.compile("`(\\.?[a-z0-9.-]+)(?:\\[n]|\\.<[a-z]+>)?[^`]*`");

    /** Each documented name with the default its row gives (null when it gives none). */
    static Map<String, String> documented(String page) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : page.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            List<String> inRow = new ArrayList<>();
            Matcher name = NAME.matcher(cells[1]);
            String prefix = null;
            while (name.find()) {
                String found = name.group(1).replaceAll("\\.$", "");
                if (found.startsWith(".") && prefix != null) {
                    found = prefix + found;
                }
                else if (!found.startsWith(".")) {
                    prefix = found.contains(".") ? found.substring(0, found.lastIndexOf('.')) : found;
                }
                inRow.add(found);
            }
            String[] defaults = cells.length > 2 ? cells[2].split(" / ") : new String[0];
            for (int i = 0; i < inRow.size(); i++) {
                String value = null;
                if (defaults.length == inRow.size()) {
                    Matcher code = Pattern.compile("`([^`]*)`").matcher(defaults[i]);
                    value = code.find() ? code.group(1) : null;
                }
                names.putIfAbsent(inRow.get(i), value);
            }
        }
        return names;
    }

    @Test
    void everySettingIsDocumentedWithItsDefault() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the build's configuration metadata").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        Map<String, String> documented = documented(Files.readString(PAGE));
        List<String> missing = new ArrayList<>();
        List<String> wrongDefaults = new ArrayList<>();
        int checked = 0;
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString();
            if (!name.startsWith("gyeol.")) {
                continue;
            }
            checked++;
            if (!documented.containsKey(name)) {
                missing.add(name);
                continue;
            }
            JsonNode fallback = property.path("defaultValue");
            String expected = fallback.isMissingNode() || fallback.isNull() ? null : fallback.isArray()
                    ? String.join(",", fallback.valueStream().map(JsonNode::asString).toList()) : fallback.asString();
            if (expected != null && expected.startsWith("[") && expected.endsWith("]")) {
                // A list's default, as the metadata writes it: [1, 3, 5, 7].
                expected = expected.substring(1, expected.length() - 1).replace(" ", "");
            }
            String given = documented.get(name);
            if (expected != null && given != null && !expected.equals(given)) {
                wrongDefaults.add(name + ": the page says " + given + ", the code " + expected);
            }
        }
        assertThat(checked).as("gyeol settings in the metadata").isGreaterThan(40);
        assertThat(missing).as("settings docs/configuration.md does not name").isEmpty();
        assertThat(wrongDefaults).isEmpty();
    }

}
