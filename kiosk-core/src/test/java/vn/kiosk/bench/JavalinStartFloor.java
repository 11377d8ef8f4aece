package vn.kiosk.bench;

import io.javalin.Javalin;

/**
 * The start-up floor beside the kiosk's (not a test): a minimal Javalin app with one route, no
 * database, devices or configuration, started by scripts/startup-bench with the launcher's flags and
 * its own class-data archive, measured the same way (exec to its ready line, then GET /api/health answering).
 * Usage: JavalinStartFloor PORT
 */
public final class JavalinStartFloor {

    public static void main(String[] args) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = Integer.parseInt(args[0]);
            config.routes.get("/api/health", ctx -> ctx.result("UP"));
        }).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        System.out.println("Floor ready on port " + args[0]); // what scripts/startup-bench waits for, as the kiosk's "Kiosk ready"
        System.out.flush();
    }
}
