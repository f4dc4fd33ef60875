package ai.opencrane.controlplane.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Validation rules shared by several features that a {@code @Schema} pattern cannot express alone. */
public final class Checks {

    /** DNS-1123 label. */
    public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    /** DNS-1123 subdomain (Kubernetes object names). */
    public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    /** A Kubernetes label value (also used for team names, which become label values). */
    public static final String LABEL_VALUE = "^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$";
    /** A pragmatic e-mail address: local part, @, a dotted domain; no spaces. */
    public static final String EMAIL = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";

    private static final Pattern LABEL_NAME = Pattern.compile("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$");
    private static final Pattern SUBDOMAIN = Pattern.compile(DNS_SUBDOMAIN);
    private static final Pattern VALUE = Pattern.compile(LABEL_VALUE);

    /** Prefix of labels the platform sets itself; callers may not set them. */
    public static final String RESERVED_LABEL_PREFIX = "opencrane.io/";

    private Checks() {
    }

    /** Problems with a Kubernetes label map, field path to reason (empty when valid). */
    public static Map<String, String> labels(String field, Map<String, String> labels) {
        Map<String, String> errors = new TreeMap<>();
        if (labels == null) {
            return errors;
        }
        if (labels.size() > 64) {
            errors.put(field, "must have at most 64 labels");
            return errors;
        }
        labels.forEach((key, value) -> {
            String path = field + "." + key;
            int slash = key.indexOf('/');
            String prefix = slash < 0 ? null : key.substring(0, slash);
            String name = slash < 0 ? key : key.substring(slash + 1);
            if (prefix != null && (prefix.isEmpty() || prefix.length() > 253 || !SUBDOMAIN.matcher(prefix).matches())) {
                errors.put(path, "label key prefix must be a DNS subdomain");
            } else if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
                errors.put(path, "label key must be 1-63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric");
            } else if (key.startsWith(RESERVED_LABEL_PREFIX)) {
                errors.put(path, "labels under " + RESERVED_LABEL_PREFIX + " are reserved for the platform");
            } else if (value.length() > 63 || !VALUE.matcher(value).matches()) {
                errors.put(path, "label value must be at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric");
            }
        });
        return errors;
    }
}
