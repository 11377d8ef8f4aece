package vn.kiosk.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

    ConsoleHttp(ConsoleOptions o, ObjectMapper json, Fleet fleet, Commands commands, ConsoleMetrics metrics) {
        byte[] token = o.techToken().getBytes(StandardCharsets.UTF_8);
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
            config.routes.before("/api/*", ctx -> authorise(ctx, token));
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
                ctx.json(Map.of("acknowledged", fleet.acknowledge(id, actor(ctx))));
            });
            config.routes.post("/api/fleet/devices/{site}/{device}/commands/{name}", ctx -> command(ctx, json, fleet, commands));
            config.routes.get("/api/fleet/audit", ctx -> ctx.json(commands.audit(500)));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
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
        Commands.Outcome outcome = commands.send(actor(ctx), site, device, name, args);
        if (outcome.status() == 200) {
            ctx.json(outcome.reply());
        } else {
            ctx.status(outcome.status()).json(ErrorBody.of(outcome.status() == 504 ? "no_reply" : "not_sent",
                    outcome.status() == 504 ? "the kiosk did not answer in time (request " + outcome.requestId() + ")"
                            : "the command could not be sent to the broker"));
        }
    }

    private static void authorise(Context ctx, byte[] token) {
        String header = ctx.header("Authorization");
        byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            ctx.status(401).json(ErrorBody.of("unauthorized", "this needs 'Authorization: Bearer <technician token>'"));
            ctx.skipRemainingHandlers();
        }
    }

    /** Who did it, for the audit trail: the technicians' shared token for now. */
    private static String actor(Context ctx) {
        return "tech";
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
