package ai.opencrane.controlplane.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.platform.Settings;

/** The configured {@link OutboundPolicy}, for services that store URLs the platform will call. */
@ApplicationScoped
public class OutboundTargets {

    @Inject
    Settings settings;

    private OutboundPolicy policy;

    @PostConstruct
    void init() {
        policy = new OutboundPolicy(settings.outboundAllowHttpClusterServices(), settings.outboundClusterDomain(),
                settings.outboundDenyCidrs(), settings.outboundDenyHosts());
    }

    /** Throws 400 {@code VALIDATION_ERROR} naming {@code field} unless {@code url} is a safe outbound target. */
    public void check(String field, String url) {
        policy.problem(url).ifPresent(reason -> {
            throw ApiException.invalid(field, reason);
        });
    }

    public OutboundPolicy policy() {
        return policy;
    }
}
