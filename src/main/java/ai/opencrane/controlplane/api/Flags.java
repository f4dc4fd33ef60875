package ai.opencrane.controlplane.api;

/** Boolean query parameters: exactly {@code true} or {@code false}; anything else is a 400. */
public final class Flags {

    private Flags() {
    }

    public static boolean parse(String name, String value, boolean fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw ApiException.invalid(name, "must be true or false");
    }
}
