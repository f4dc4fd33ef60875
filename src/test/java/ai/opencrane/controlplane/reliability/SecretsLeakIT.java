package ai.opencrane.controlplane.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.ControlPlane;

/**
 * Runs after every other test class: whatever the run did, no credential it used or minted appears in the
 * server's logs, its console, or the audit table — the static token, every access token (by shape), the
 * LiteLLM master key, every virtual key LiteLLM handed out and the provider keys the tests stored (which must
 * also be stored encrypted).
 */
@Order(Integer.MAX_VALUE)
class SecretsLeakIT {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("ocp_[0-9a-f]{48}");
    /** The shape of the provider keys the provider-key tests store. */
    private static final Pattern PROVIDER_KEY = Pattern.compile("sk-(live|other)-[0-9a-f]+[A-Za-z0-9]{4}");

    @Test
    void noCredentialAppearsInLogsOrAudit() throws IOException {
        ControlPlane plane = ControlPlane.get();
        List<String> secrets = new ArrayList<>(plane.litellm.issuedKeys());
        secrets.add(plane.token);
        secrets.add(plane.litellm.masterKey());

        Path servers = Path.of(System.getProperty("opencrane.it.wlp", "target/liberty/wlp"), "usr/servers");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(servers)) {
            // the logs of every server of the run (the replica's too), FFDC dumps included
            files = walk.filter(Files::isRegularFile).filter(f -> f.toString().contains("/logs/"))
                    .filter(f -> !f.getFileName().toString().startsWith("threads-")).toList();
        }
        assertFalse(files.isEmpty());
        int checked = 0;
        for (Path f : files) {
            String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a credential appears in " + f);
            }
            assertFalse(ACCESS_TOKEN.matcher(text).find(), "an access token appears in " + f);
            assertFalse(PROVIDER_KEY.matcher(text).find(), "a provider key appears in " + f);
            checked++;
        }
        String audit = plane.db.rows("SELECT coalesce(string_agg(concat_ws('|', actor, action, resource, tenant, message, "
                + "metadata::text, request_id), E'\\n'), '') AS a FROM audit_log").get(0).get("a").toString();
        for (String secret : secrets) {
            assertFalse(audit.contains(secret), "a credential appears in the audit log");
        }
        assertFalse(ACCESS_TOKEN.matcher(audit).find(), "an access token appears in the audit log");
        assertFalse(PROVIDER_KEY.matcher(audit).find(), "a provider key appears in the audit log");
        String providerKeys = plane.db.rows("SELECT coalesce(string_agg(t::text, ','), '') AS k FROM provider_keys t")
                .get(0).get("k").toString();
        assertFalse(PROVIDER_KEY.matcher(providerKeys).find(), "provider keys are stored encrypted");
        long entries = plane.db.count("SELECT count(*) FROM audit_log");
        System.out.printf("leak check: %d credentials over %d log files and %d audit entries%n", secrets.size(), checked, entries);
        assertTrue(entries > 0);
        assertEquals(0, ACCESS_TOKEN.matcher(plane.serverLog()).results().count());
    }
}
