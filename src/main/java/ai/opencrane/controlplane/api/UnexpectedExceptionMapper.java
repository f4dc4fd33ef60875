package ai.opencrane.controlplane.api;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything a service did not turn into an {@link ApiException}: database and network failures get their
 * 5xx code, the rest is a 500. The body never carries internals; the log line carries the request id, the
 * exception types and the SQL state, but not messages, which may quote SQL or values.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        ApiException known = classify(e);
        if (known != null) {
            LOG.warning(() -> "request " + RequestId.current() + " failed: " + known.code() + " (" + describe(e) + ")");
            return ErrorResponses.of(known);
        }
        return internal(e);
    }

    static Response internal(Throwable e) {
        LOG.log(Level.SEVERE, "request {0} failed unexpectedly: {1}", new Object[] {RequestId.current(), describe(e)});
        // full detail only when an operator turns on debug logging for this class; it may quote SQL
        LOG.log(Level.FINEST, "request " + RequestId.current() + " failure detail", e);
        return ErrorResponses.of(500, ErrorCodes.INTERNAL_ERROR, "internal error; quote the request id to an operator");
    }

    /** Maps infrastructure failures anywhere in the cause chain to the envelope they deserve, or null. */
    public static ApiException classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof OptimisticLockException) {
                return ApiException.conflict("the resource was changed concurrently; read it again and retry");
            }
            if (t instanceof SQLException sql) {
                ApiException mapped = classifySql(sql);
                if (mapped != null) {
                    return mapped;
                }
            }
            if (t instanceof SocketTimeoutException) {
                return ApiException.timeout("a dependency did not answer in time");
            }
        }
        return null;
    }

    private static ApiException classifySql(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                || sql instanceof SQLTransientConnectionException) {
            return ApiException.upstream("the database is unavailable");
        }
        if (state.equals("57014")) {
            return ApiException.timeout("the database did not answer in time");
        }
        if (state.equals("23505")) {
            return ApiException.alreadyExists("a resource with that identity already exists");
        }
        if (state.equals("23503")) {
            return ApiException.conflict("the change refers to, or is referred to by, another resource");
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return ApiException.conflict("the change collided with a concurrent change; retry");
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return ApiException.invalid("a value is out of range or malformed");
        }
        return null;
    }

    /** Exception types and SQL states only: messages may carry SQL or values. */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 600; t = t.getCause() == t ? null : t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append("[").append(sql.getSQLState()).append("]");
            }
        }
        return out.toString();
    }
}
