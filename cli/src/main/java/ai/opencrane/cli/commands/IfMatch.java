package ai.opencrane.cli.commands;

import java.util.Map;

/** The {@code If-Match} header for {@code --if-match}: a bare version is quoted into an entity tag. */
final class IfMatch {

    private IfMatch() {
    }

    static Map<String, String> header(String version) {
        if (version == null || version.isBlank()) {
            return Map.of();
        }
        String v = version.trim();
        return Map.of("If-Match", v.equals("*") || v.startsWith("\"") || v.startsWith("W/") ? v : "\"" + v + "\"");
    }
}
