package ai.opencrane.controlplane.platform;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /healthz}: 200 when PostgreSQL answers, 503 "degraded" when it does not. Public. */
public class HealthzServlet extends HttpServlet {

    @Inject
    Database database;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean db = database.reachable();
        response.setStatus(db ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(db ? "{\"status\":\"ok\",\"db\":true}" : "{\"status\":\"degraded\",\"db\":false}");
    }
}
