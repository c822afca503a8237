package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's tables against the defaults the service really applies. Every default lives in
 * application.yml (the settings records and {@code @Value}s carry none), so the tables are read and each row's name,
 * environment variable and default compared with that file's value as Micronaut reads it, and with what the settings
 * records are bound to; every {@code auth.*} key of the file and every settings record component must have a row.
 */
class DocumentedConfigurationTest {

    private static final Path GUIDE = Path.of(System.getProperty("jwtauth.repository", "..")).resolve("docs/configuration.md");
    /** Defaults the table words rather than gives: the service computes or generates them, so the file has no value. */
    private static final Set<String> NOT_IN_THE_FILE = Set.of("unset", "generated", "the key's thumbprint", "one per core");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)\\b");
    private static final List<Class<? extends Record>> SETTINGS =
            List.of(AuthProperties.class, PasswordHashingProperties.class, LoginThrottleProperties.class);

    @Test
    void everyDocumentedSettingHasItsNameEnvironmentVariableAndDefault() throws Exception {
        Map<String, Optional<String>> documented = settingsTable();
        assertThat(documented).as("rows of the settings table").hasSizeGreaterThan(20);
        Map<String, String> file = applicationYml();
        for (Map.Entry<String, Optional<String>> row : documented.entrySet()) {
            assertThat(Optional.ofNullable(file.get(row.getKey()))).as(row.getKey()).isEqualTo(row.getValue());
        }
    }

    @Test
    void everySettingOfTheServiceIsDocumented() throws Exception {
        Set<String> documented = settingsTable().keySet();
        Set<String> settings = new TreeSet<>();
        applicationYml().keySet().stream().filter(key -> key.startsWith("auth.")).forEach(settings::add);
        for (Class<? extends Record> type : SETTINGS) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            for (RecordComponent component : type.getRecordComponents()) {
                settings.add(prefix + "." + kebab(component.getName()));
            }
        }
        assertThat(documented).containsAll(settings);
    }

    @Test
    void theSettingsRecordsAreBoundToTheDocumentedDefaults() throws Exception {
        Map<String, Optional<String>> documented = settingsTable();
        // Only what application-test.yml leaves alone: it sets a signing key, a data folder and a database of its own.
        Set<String> overriddenByTests = Set.of("auth.signing-key", "auth.data-dir");
        try (ApplicationContext context = ApplicationContext.run(Map.of(), "test")) {
            for (Class<? extends Record> type : SETTINGS) {
                String prefix = type.getAnnotation(ConfigurationProperties.class).value();
                Record bound = context.getBean(type);
                for (RecordComponent component : type.getRecordComponents()) {
                    String name = prefix + "." + kebab(component.getName());
                    if (overriddenByTests.contains(name)) {
                        continue;
                    }
                    Object value = component.getAccessor().invoke(bound);
                    Optional<String> text = documented.get(name);
                    if (text.isEmpty()) {
                        assertThat(value).as(name + " has no default").isNull();
                    } else {
                        assertThat(value).as(name).isEqualTo(
                                context.getConversionService().convertRequired(text.get(), component.getType()));
                    }
                }
            }
        }
    }

    @Test
    void thePoolSettingsHaveTheDocumentedDefaults() throws Exception {
        Map<String, String> file = applicationYml();
        List<List<String>> rows = table("## Pools and timeouts");
        int checked = 0;
        for (List<String> row : rows) {
            if (!row.get(0).startsWith("`")) {
                continue; // a setting without a property name, such as the outage retry interval in code
            }
            List<String> names = names(row.get(0).replace("`", ""));
            String defaults = row.get(1);
            for (String name : names) {
                if (defaults.contains("Hikari's defaults")) {
                    assertThat(file).as(name + " is left to Hikari").doesNotContainKey(name);
                } else {
                    Matcher number = LEADING_NUMBER.matcher(defaults);
                    assertThat(number.find()).as(name + ": " + defaults).isTrue();
                    assertThat(file.get(name)).as(name).isEqualTo(number.group(1));
                }
                checked++;
            }
        }
        assertThat(checked).as("pool settings checked").isGreaterThanOrEqualTo(5);
    }

    /** The settings table: each property, expanded from the row's shorthand, and its default (empty: none in the file). */
    private static Map<String, Optional<String>> settingsTable() throws Exception {
        Map<String, Optional<String>> settings = new LinkedHashMap<>();
        for (List<String> row : table("## Settings")) {
            List<String> names = names(row.get(0));
            List<String> variables = List.of(row.get(1).split(", "));
            assertThat(variables).as(row.get(0)).hasSameSizeAs(names);
            List<String> defaults = List.of(row.get(2).split(", "));
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String variable = variables.get(i);
                String expected = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
                if (variable.startsWith("…")) {
                    assertThat(expected).as(name).endsWith(variable.substring(1));
                } else {
                    assertThat(variable).as(name).isEqualTo(expected);
                }
                String text = (defaults.size() == names.size() ? defaults.get(i) : row.get(2)).replace("`", "");
                settings.put(name, NOT_IN_THE_FILE.contains(text) ? Optional.empty()
                        : Optional.of(text.equals("empty") ? "" : text));
            }
        }
        return settings;
    }

    /** "a.b.c, .d" is a.b.c and a.b.d; "a.b, a.c" is both as written. */
    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        String first = null;
        for (String part : cell.split(", ")) {
            String name = part.strip();
            if (first == null) {
                first = name;
                names.add(name);
            } else if (name.startsWith(".")) {
                names.add(first.substring(0, first.lastIndexOf('.')) + name);
            } else if (!name.contains(".")) {
                names.add(first.substring(0, first.lastIndexOf('.') + 1) + name);
            } else {
                names.add(name);
            }
        }
        return names;
    }

    /** The cells of the first table after HEADING, header and separator rows left out. */
    private static List<List<String>> table(String heading) throws Exception {
        List<String> lines = Files.readAllLines(GUIDE);
        int at = lines.indexOf(heading);
        assertThat(at).as(heading + " in " + GUIDE).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.lastIndexOf('|')).split(" \\| ", -1)) {
                    cells.add(cell.strip());
                }
                rows.add(cells);
            } else if (inTable) {
                break;
            }
        }
        assertThat(rows.size()).as(heading + " has a table").isGreaterThan(2);
        return rows.subList(2, rows.size());
    }

    /** application.yml's keys and values, flattened, as Micronaut reads the file (no other property source). */
    private static Map<String, String> applicationYml() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).build()) {
            Environment environment = context.getEnvironment().start();
            PropertySource file = environment.getPropertySources().stream()
                    .filter(source -> source.getName().equals("application")).findFirst().orElseThrow();
            Map<String, String> values = new LinkedHashMap<>();
            StreamSupport.stream(file.spliterator(), false)
                    .forEach(key -> values.put(key, String.valueOf(file.get(key))));
            return values;
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
