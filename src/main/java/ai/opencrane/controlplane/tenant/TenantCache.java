package ai.opencrane.controlplane.tenant;

import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import ai.opencrane.controlplane.platform.NotifiedCache;

/**
 * Tenants by name as {@code GET /tenants/{name}} last read them, so a repeated read costs a map lookup instead
 * of a query. {@link TenantProjection} empties it after every transaction that wrote a row; the trigger of
 * migration V7 tells the other replicas (see {@link NotifiedCache}). Small on purpose: a view is a few KB.
 */
@ApplicationScoped
public class TenantCache extends NotifiedCache<TenantView> {

    static final String CHANNEL = "opencrane_tenants";
    static final int MAX_ENTRIES = 2_000;

    public TenantCache() {
        this(System::nanoTime);
    }

    TenantCache(LongSupplier nanoClock) {
        super(CHANNEL, MAX_ENTRIES, nanoClock);
    }
}
