package ai.opencrane.controlplane.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import ai.opencrane.controlplane.platform.Settings;

/** Refuses bodies over the configured size with 413, whether or not the client declared a length. */
@Provider
@PreMatching
@Priority(2)
public class BodyLimit implements ContainerRequestFilter {

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        long max = settings.maxBodyBytes();
        if (request.getLength() > max) {
            throw tooLarge(max);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), max));
        }
    }

    static ApiException tooLarge(long max) {
        return new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE, "request body larger than " + max + " bytes");
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }
    }
}
