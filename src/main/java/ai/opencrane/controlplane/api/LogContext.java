package ai.opencrane.controlplane.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Puts the request id on every log record the current thread writes, through Open Liberty's
 * {@code com.ibm.websphere.logging.hpel.LogRecordContext} (an {@code ibm-api} package of the kernel, visible to
 * applications by default): Liberty's JSON logs then carry it as {@code ext_requestId}. The API is looked up
 * reflectively because it is not published on Maven Central; outside Liberty (unit tests) this does nothing.
 */
final class LogContext {

    static final String KEY = "requestId";
    private static final MethodHandle ADD;
    private static final MethodHandle REMOVE;

    static {
        MethodHandle add = null;
        MethodHandle remove = null;
        try {
            Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext", false,
                    LogContext.class.getClassLoader());
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            add = lookup.findStatic(context, "addExtension", MethodType.methodType(void.class, String.class, String.class));
            remove = lookup.findStatic(context, "removeExtension", MethodType.methodType(boolean.class, String.class));
        } catch (ReflectiveOperationException | LinkageError notInLiberty) {
            // plain JVM: log records simply carry no extension
        }
        ADD = add;
        REMOVE = remove;
    }

    private LogContext() {
    }

    static void set(String requestId) {
        if (ADD != null) {
            try {
                ADD.invokeExact(KEY, requestId);
            } catch (Throwable ignored) {
                // logging context is best effort; never fail a request over it
            }
        }
    }

    static void clear() {
        if (REMOVE != null) {
            try {
                boolean removed = (boolean) REMOVE.invokeExact(KEY);
            } catch (Throwable ignored) {
                // best effort, as above
            }
        }
    }
}
