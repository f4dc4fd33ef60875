package ai.opencrane.controlplane.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;

/** Strong ETags on single resources, and the If-Match check for PUT and DELETE. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(Object version) {
        return new EntityTag(String.valueOf(version));
    }

    /** The version the caller's If-Match names, null when absent or {@code *}; 412 when it cannot match. */
    public static String ifMatch(HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.contains(",") || value.startsWith("W/") || value.length() < 2
                || !value.startsWith("\"") || !value.endsWith("\"")) {
            throw ApiException.preconditionFailed();
        }
        return value.substring(1, value.length() - 1);
    }

    /** Throws 412 unless the If-Match header is absent or names {@code current}. */
    public static void check(HttpHeaders headers, Object current) {
        check(ifMatch(headers), current);
    }

    /** Throws 412 unless {@code wanted} (an {@link #ifMatch} value) is null or names {@code current}. */
    public static void check(String wanted, Object current) {
        if (wanted != null && (current == null || !wanted.equals(String.valueOf(current)))) {
            throw ApiException.preconditionFailed();
        }
    }
}
