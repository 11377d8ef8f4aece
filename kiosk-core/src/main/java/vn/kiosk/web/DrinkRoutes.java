package vn.kiosk.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import vn.kiosk.drinks.DrinkService;
import vn.kiosk.problem.Problem;
import vn.kiosk.queue.Channel;

/** Drinks from the dispenser: POST /api/drinks answers 202 with the pour; progress on GET and SSE. */
final class DrinkRoutes {

    record DrinkRequest(String kind, Integer ml, Boolean confirm, String channel) { }

    record ResetRequest(String by) { }

    private final DrinkService drinks;
    private final RequestBodies bodies;

    DrinkRoutes(DrinkService drinks, RequestBodies bodies) {
        this.drinks = drinks;
        this.bodies = bodies;
    }

    void register(JavalinDefaultRoutingApi r) {
        r.post("/api/drinks", this::pour, Role.ROBOT, Role.COUNTER, Role.TECH);
        r.get("/api/drinks/{id}", ctx -> ctx.json(drinks().pour(ctx.pathParam("id")).orElseThrow(() ->
                new Problem(404, "not_found", "no pour '" + ctx.pathParam("id") + "' (the last 50 are kept)"))),
                Role.ROBOT, Role.COUNTER, Role.TECH);
        r.get("/api/dispenser", ctx -> ctx.json(drinks().details()), Role.ROBOT, Role.COUNTER, Role.TECH);
        r.post("/api/dispenser/reset", this::reset, Role.COUNTER, Role.TECH);
    }

    private DrinkService drinks() {
        if (drinks == null) {
            throw new Problem(404, "no_dispenser", "this kiosk has no dispenser (devices.dispenser is empty)");
        }
        return drinks;
    }

    private void pour(Context ctx) {
        DrinkService d = drinks();
        DrinkRequest req = bodies.read(ctx, DrinkRequest.class, false);
        Channel channel = req.channel() == null ? Channel.TOUCHSCREEN : Channel.fromId(req.channel()).orElseThrow(() ->
                new Problem(400, "bad_request", "'channel' must be one of touchscreen, robot, counter; got '"
                        + req.channel() + "'"));
        ctx.status(202).json(d.start(req.kind(), req.ml(), Boolean.TRUE.equals(req.confirm()), channel));
    }

    private void reset(Context ctx) {
        DrinkService d = drinks();
        ResetRequest req = bodies.read(ctx, ResetRequest.class, true);
        ctx.json(d.reset(req.by() == null || req.by().isBlank() ? "counter page" : req.by()));
    }
}
