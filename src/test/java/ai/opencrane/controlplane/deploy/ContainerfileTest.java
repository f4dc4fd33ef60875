package ai.opencrane.controlplane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The image cannot be built here (no container engine), so this keeps deploy/Containerfile consistent with what
 * is: the Liberty release the tests run on, files that exist and are in the build context, and the migration
 * command the chart's Job calls.
 */
class ContainerfileTest {

    static final Path CONTAINERFILE = Path.of("deploy/Containerfile");

    @Test
    void libertyImageIsTheReleaseTheTestsRunOn() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String runtime = find("<liberty.runtime.version>([^<]+)</liberty.runtime.version>", pom);
        String image = find("ARG LIBERTY_IMAGE=(\\S+)", Files.readString(CONTAINERFILE));
        assertEquals("icr.io/appcafe/open-liberty:" + runtime + "-kernel-slim-java17-openj9-ubi", image);
    }

    @Test
    void copiedFilesExistAndAreInTheBuildContext() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of("deploy/Containerfile.dockerignore"));
        int copies = 0;
        for (String line : Files.readAllLines(CONTAINERFILE)) {
            if (!line.startsWith("COPY ") || line.contains("--from=")) {
                continue;
            }
            List<String> words = List.of(line.substring(5).split(" ")).stream().filter(w -> !w.startsWith("--")).toList();
            for (String source : words.subList(0, words.size() - 1)) {
                copies++;
                assertTrue(Files.exists(Path.of(source)), source);
                assertTrue(ignore.stream().anyMatch(rule -> rule.startsWith("!") && inContext(source, rule.substring(1))),
                        source + " is excluded from the build context");
            }
        }
        assertTrue(copies >= 5, "found the COPY lines: " + copies);
    }

    @Test
    void migrationJobCommandIsShippedAndRunsMigrateMain() throws Exception {
        String containerfile = Files.readString(CONTAINERFILE);
        String installed = find("COPY --chown=1001:0 deploy/opencrane-migrate (\\S+)", containerfile);
        String job = Files.readString(Path.of("chart/templates/migration-job.yaml"));
        assertTrue(job.contains("command: [\"" + installed + "\"]"), "the Job runs " + installed);
        Path script = Path.of("deploy/opencrane-migrate");
        assertTrue(Files.isExecutable(script));
        String main = find("(ai\\.opencrane\\.controlplane\\.\\S+)", Files.readString(script));
        Class.forName(main).getMethod("main", String[].class);
    }

    /** Whether the whitelist entry (a file, or a directory ending in /) covers the path. */
    private static boolean inContext(String path, String entry) {
        return entry.endsWith("/") ? (path + "/").startsWith(entry) : path.equals(entry);
    }

    private static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }
}
