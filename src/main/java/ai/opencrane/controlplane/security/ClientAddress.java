package ai.opencrane.controlplane.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/** The client's address: the TCP peer, or the last hop a trusted proxy appended to the configured header. */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request, Optional<String> header) {
        if (header.isPresent()) {
            String value = request.getHeader(header.get());
            if (value != null && !value.isBlank()) {
                // the last entry is the one the trusted proxy wrote; earlier ones are whatever the client claimed
                String last = value.substring(value.lastIndexOf(',') + 1).trim();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        String peer = request.getRemoteAddr();
        return peer == null ? "unknown" : peer;
    }
}
