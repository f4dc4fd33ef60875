package ai.opencrane.controlplane.contract;

/** The winning grant for one payload: its access and where it came from. */
public record GrantDecision(String payloadType, String payloadId, String access, String grantId, int priority,
                            String subjectType, String subjectId) {

    public boolean allowed() {
        return "allow".equals(access);
    }
}
