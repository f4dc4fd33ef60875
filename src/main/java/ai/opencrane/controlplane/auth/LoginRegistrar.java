package ai.opencrane.controlplane.auth;

import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity.TransportGuarantee;

import ai.opencrane.controlplane.platform.Settings;

/**
 * Puts the login URLs under the container's protection only when OIDC is configured. A web.xml constraint
 * would be there either way and, without an identity provider, turn the login URLs into container errors;
 * registered here, they are either {@link LoginServlet} behind the OpenID Connect client or, unconfigured,
 * the JAX-RS routes of {@link AuthResource} answering 503 in the envelope.
 */
public class LoginRegistrar implements ServletContextListener {

    static final String LOGIN = "/api/v1/auth/login";
    static final String CALLBACK = "/api/v1/auth/callback";
    /** Role mapped to every authenticated user in server.xml's application binding. */
    static final String ROLE = "user";
    private static final Logger LOG = Logger.getLogger(LoginRegistrar.class.getName());

    @Inject
    Settings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!settings.oidcConfigured()) {
            LOG.info("OIDC login is not configured (OPENCRANE_OIDC_ISSUER, OPENCRANE_OIDC_CLIENT_ID): "
                    + "/api/v1/auth/login answers 503");
            return;
        }
        ServletContext context = event.getServletContext();
        context.declareRoles(ROLE);
        ServletRegistration.Dynamic login = context.addServlet("oidcLogin", LoginServlet.class);
        login.addMapping(LOGIN, CALLBACK);
        login.setServletSecurity(new ServletSecurityElement(new HttpConstraintElement(TransportGuarantee.NONE, ROLE)));
        LOG.info(() -> "OIDC login through " + settings.oidcIssuer().orElse("?") + " at " + LOGIN);
    }
}
