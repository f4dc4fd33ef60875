package ai.opencrane.controlplane.contract;

import java.time.Instant;

/** A grant as resolution sees it (a row of {@code grants}). */
public record GrantCandidate(String id, String payloadType, String payloadId, String subjectType, String subjectId,
                             String access, int priority, Instant createdAt) {
}
