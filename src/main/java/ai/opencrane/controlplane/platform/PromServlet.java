package ai.opencrane.controlplane.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /prom}: the Prometheus exposition of MicroProfile Metrics (server, JVM and the
 * {@code opencrane_*} application metrics). Liberty serves it at {@code /metrics}, a path it does not let
 * an application move, so this public route relays it over loopback.
 */
public class PromServlet extends HttpServlet {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        URI metrics = URI.create("http://127.0.0.1:" + request.getLocalPort() + "/metrics");
        try {
            HttpResponse<byte[]> upstream = HTTP.send(HttpRequest.newBuilder(metrics)
                    .timeout(Duration.ofSeconds(10)).header("Accept", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            response.setStatus(upstream.statusCode() == 200 ? 200 : 502);
            response.setContentType(upstream.headers().firstValue("Content-Type").orElse("text/plain; version=0.0.4"));
            response.getOutputStream().write(upstream.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(503);
        } catch (IOException e) {
            response.setStatus(502);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"metrics unavailable\",\"code\":\"UPSTREAM_ERROR\"}");
        }
    }
}
