package ai.opencrane.controlplane.grant;

/**
 * A grant as a list on a catalogue entry or a group asks for it, defaults applied; what {@link GrantStore}
 * validates and stores. Group subjects are group ids once {@link GrantStore#validate} has resolved them.
 */
public record GrantSpec(String payloadType, String payloadId, String scope, String subjectType, String subjectId,
                        String access, int priority, String note) {

    public static final String AWARENESS = "awareness";
    public static final String MCP_SERVER = "mcp-server";
    public static final String SKILL_BUNDLE = "skill-bundle";
    public static final String GROUP = "group";
    public static final String TENANT = "tenant";
    public static final String USER = "user";

    /** What makes two grants of one list the same grant: its payload and its subject. */
    record Key(String payloadType, String payloadId, String subjectType, String subjectId) {
    }

    Key key() {
        return new Key(payloadType, payloadId, subjectType, subjectId);
    }

    GrantSpec withSubjectId(String id) {
        return new GrantSpec(payloadType, payloadId, scope, subjectType, id, access, priority, note);
    }
}
