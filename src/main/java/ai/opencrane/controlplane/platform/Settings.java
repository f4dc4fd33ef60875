package ai.opencrane.controlplane.platform;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the control plane, read from MicroProfile Config: environment variables
 * ({@code OPENCRANE_API_TOKEN} for {@code opencrane.api-token}), system properties, or
 * {@code META-INF/microprofile-config.properties} for defaults. Feature code asks this holder, never the environment.
 */
@ApplicationScoped
public class Settings {

    @Inject
    @ConfigProperty(name = "opencrane.api-token")
    Optional<String> apiToken;

    @Inject
    @ConfigProperty(name = "opencrane.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "opencrane.db.migrate-on-start", defaultValue = "true")
    boolean migrateOnStart;

    @Inject
    @ConfigProperty(name = "opencrane.db.migrate-wait-seconds", defaultValue = "60")
    int migrateWaitSeconds;

    /** The static bearer token, if one is configured (blank counts as none). */
    public Optional<String> apiToken() {
        return apiToken.map(String::trim).filter(s -> !s.isEmpty());
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public boolean migrateOnStart() {
        return migrateOnStart;
    }

    public int migrateWaitSeconds() {
        return migrateWaitSeconds;
    }
}
