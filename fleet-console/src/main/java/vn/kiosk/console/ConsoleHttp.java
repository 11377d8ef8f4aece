package vn.kiosk.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;

/** The console's HTTP API (bearer token) and its page; /metrics for Prometheus. */
final class ConsoleHttp implements AutoCloseable {

    /** An error answer: {@code {"error": {"code", "message"}}}, as the kiosk's API writes them. */
    record ErrorBody(Error error) {
        record Error(String code, String message) { }

        static ErrorBody of(String code, String message) {
            return new ErrorBody(new Error(code, message));
        }
    }

    private final Javalin app;

    /** A new user: {@code {"name", "role"}} (viewer or technician). */
    record NewUser(String name, String role) { }

    private static final String USER = "user";

    ConsoleHttp(ConsoleOptions o, ObjectMapper json, Fleet fleet, Commands commands, ConsoleMetrics metrics, Users users,
                FleetHistory history) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.jetty.host = o.bind();
            config.jetty.port = o.httpPort();
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/console";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.routes.before("/api/*", ctx -> authorise(ctx, users));
            config.routes.get("/api/fleet/devices", ctx -> ctx.json(fleet.devices()));
            config.routes.get("/api/fleet/alerts", ctx -> {
                String state = ctx.queryParamAsClass("state", String.class).getOrDefault("open");
                if (!state.equals("open") && !state.equals("all")) {
                    ctx.status(400).json(ErrorBody.of("bad_request", "state must be open or all, got '" + state + "'"));
                    return;
                }
                ctx.json(fleet.alerts(state.equals("all")));
            });
            config.routes.post("/api/fleet/alerts/{id}/ack", ctx -> {
                long id;
                try {
                    id = Long.parseLong(ctx.pathParam("id"));
                } catch (NumberFormatException e) {
                    ctx.status(400).json(ErrorBody.of("bad_request", "the alert id is a number"));
                    return;
                }
                ctx.json(Map.of("acknowledged", fleet.acknowledge(id, user(ctx).name())));
            });
            config.routes.post("/api/fleet/devices/{site}/{device}/commands/{name}", ctx -> command(ctx, json, fleet, commands));
            config.routes.get("/api/fleet/audit", ctx -> ctx.json(commands.audit(500)));
            config.routes.get("/api/fleet/devices/{site}/{device}/history", ctx -> ctx.json(history.device(
                    ctx.pathParam("site"), ctx.pathParam("device"), number(ctx, "hours", 24, 24 * 90))));
            config.routes.get("/api/fleet/city", ctx -> ctx.json(history.city(number(ctx, "days", 7, 366))));
            config.routes.get("/api/fleet/users", ctx -> ctx.json(users.list()));
            config.routes.post("/api/fleet/users", ctx -> {
                NewUser u;
                try {
                    u = json.readValue(ctx.body(), NewUser.class);
                    ctx.status(201).json(users.add(u.name(), u.role(), user(ctx).name()));
                } catch (java.io.IOException | IllegalArgumentException e) {
                    ctx.status(400).json(ErrorBody.of("bad_request", "expected {\"name\", \"role\"}: " + e.getMessage()));
                } catch (IllegalStateException e) {
                    ctx.status(409).json(ErrorBody.of("user_exists", e.getMessage()));
                }
            });
            config.routes.delete("/api/fleet/users/{name}", ctx -> ctx.json(Map.of("removed", users.remove(ctx.pathParam("name")))));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400)
                    .json(ErrorBody.of("bad_request", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> ctx.status(500)
                    .json(ErrorBody.of("internal", "unexpected error: " + e.getMessage())));
        });
    }

    private static void command(Context ctx, ObjectMapper json, Fleet fleet, Commands commands) throws Exception {
        String site = ctx.pathParam("site");
        String device = ctx.pathParam("device");
        String name = ctx.pathParam("name");
        if (!name.matches("[a-z][a-z0-9._-]{0,63}")) {
            ctx.status(400).json(ErrorBody.of("bad_request", "not a command name: '" + name + "'"));
            return;
        }
        if (!fleet.knows(site, device)) {
            ctx.status(404).json(ErrorBody.of("unknown_device", "no kiosk " + site + "/" + device + " has been seen"));
            return;
        }
        JsonNode args;
        try {
            args = ctx.body().isBlank() ? json.createObjectNode() : json.readTree(ctx.body());
        } catch (java.io.IOException e) {
            ctx.status(400).json(ErrorBody.of("bad_request", "the body must be the command's args as a JSON object"));
            return;
        }
        if (!args.isObject()) {
            ctx.status(400).json(ErrorBody.of("bad_request", "the body must be the command's args as a JSON object"));
            return;
        }
        Commands.Outcome outcome = commands.send(user(ctx).name(), site, device, name, args);
        if (outcome.status() == 200) {
            ctx.json(outcome.reply());
        } else {
            ctx.status(outcome.status()).json(ErrorBody.of(outcome.status() == 504 ? "no_reply" : "not_sent",
                    outcome.status() == 504 ? "the kiosk did not answer in time (request " + outcome.requestId() + ")"
                            : "the command could not be sent to the broker"));
        }
    }

    /** Any user may read; changing anything (commands, acknowledgements, users) takes a technician. */
    private static void authorise(Context ctx, Users users) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        var user = users.authenticate(token);
        if (user.isEmpty()) {
            ctx.status(401).json(ErrorBody.of("unauthorized", "this needs 'Authorization: Bearer <token>' of a console user"));
            ctx.skipRemainingHandlers();
            return;
        }
        if (!ctx.method().name().equals("GET") && user.get().role() != Users.Role.TECHNICIAN) {
            ctx.status(403).json(ErrorBody.of("forbidden", "a viewer may look, not act; this takes a technician"));
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(USER, user.get());
    }

    private static Users.User user(Context ctx) {
        return ctx.attribute(USER);
    }

    private static int number(Context ctx, String name, int fallback, int max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(name + " must be a whole number from 1 to " + max + ", got '" + v + "'");
    }

    ConsoleHttp start() {
        app.start();
        return this;
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
