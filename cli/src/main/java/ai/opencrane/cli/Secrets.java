package ai.opencrane.cli;

import java.util.LinkedHashSet;
import java.util.Set;

/** Values that must never be printed (the bearer token, a provider key being set); output passes through {@link #redact}. */
public final class Secrets {

    private static final int SHORTEST = 4;
    private final Set<String> values = new LinkedHashSet<>();

    public void add(String secret) {
        if (secret != null && secret.length() >= SHORTEST) {
            values.add(secret);
        }
    }

    public String redact(String text) {
        String out = text;
        for (String secret : values) {
            if (out.contains(secret)) {
                out = out.replace(secret, "****");
            }
        }
        return out;
    }
}
