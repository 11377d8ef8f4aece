package vn.kiosk.web;

import io.javalin.router.JavalinDefaultRoutingApi;
import vn.kiosk.health.HealthCheck;
import vn.kiosk.health.HealthReport;
import vn.kiosk.health.HealthStatus;

/** GET /api/health: 200 while UP or DEGRADED, 503 when DOWN. Public, for monitors and systemd. */
final class HealthRoutes {

    private final HealthCheck health;

    HealthRoutes(HealthCheck health) {
        this.health = health;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/health", ctx -> {
            HealthReport report = health.report();
            ctx.status(report.status() == HealthStatus.DOWN ? 503 : 200).json(report);
        });
    }
}
