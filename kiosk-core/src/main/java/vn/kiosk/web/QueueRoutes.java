package vn.kiosk.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import vn.kiosk.printing.TicketDesk;
import vn.kiosk.problem.Problem;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.IssueRequest;
import vn.kiosk.queue.QueueService;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.ServiceListing;

/** Services, tickets and counter actions. */
final class QueueRoutes {

    /** waitForPrint: false answers once the ticket is committed, without the print outcome (default true). */
    record IssueBody(String serviceId, String priority, String channel, String requestId, Boolean waitForPrint) { }

    record NextRequest(List<String> services) { }

    record TransferRequest(String serviceId) { }

    private final QueueService queue;
    private final TicketDesk desk;
    private final ServiceCatalog catalog;
    private final RequestBodies bodies;

    QueueRoutes(QueueService queue, TicketDesk desk, ServiceCatalog catalog, RequestBodies bodies) {
        this.queue = queue;
        this.desk = desk;
        this.catalog = catalog;
        this.bodies = bodies;
    }

    void register(JavalinDefaultRoutingApi r) {
        r.get("/api/services", ctx -> ctx.json(ServiceListing.services(catalog)));
        r.get("/api/priorities", ctx -> ctx.json(ServiceListing.priorities(catalog)));
        // managers too: the reports page takes "today" from the kiosk's business day
        r.get("/api/queue", ctx -> ctx.json(queue.overview()), Role.ROBOT, Role.COUNTER, Role.TECH, Role.MANAGER);
        r.post("/api/tickets", this::issue, Role.ROBOT, Role.COUNTER, Role.TECH);
        r.get("/api/tickets/{id}", ctx -> ctx.json(queue.ticket(ctx.pathParam("id"))), Role.ROBOT, Role.COUNTER, Role.TECH);
        // the counter page's and the display's state, so a reload shows what the kiosk has
        r.get("/api/counters/{counterId}", ctx -> ctx.json(queue.counterBoard(ctx.pathParam("counterId"))),
                Role.COUNTER, Role.TECH);
        r.get("/api/display", ctx -> ctx.json(queue.displayBoard()), Role.ROBOT, Role.COUNTER, Role.TECH);
        r.post("/api/counters/{counterId}/next", this::next, Role.COUNTER, Role.TECH);
        r.post("/api/tickets/{id}/complete", ctx -> ctx.json(queue.complete(ctx.pathParam("id"))), Role.COUNTER, Role.TECH);
        r.post("/api/tickets/{id}/no-show", ctx -> ctx.json(queue.noShow(ctx.pathParam("id"))), Role.COUNTER, Role.TECH);
        r.post("/api/tickets/{id}/recall", ctx -> ctx.json(queue.recall(ctx.pathParam("id"))), Role.COUNTER, Role.TECH);
        r.post("/api/tickets/{id}/transfer", this::transfer, Role.COUNTER, Role.TECH);
        r.get("/api/tickets/{id}/qr.png", ctx -> ctx.contentType("image/png").result(desk.qrPng(ctx.pathParam("id"))),
                Role.ROBOT, Role.COUNTER, Role.TECH);
        r.get("/counter", ctx -> ctx.redirect("/counter.html"));
        r.get("/display", ctx -> ctx.redirect("/display.html"));
        r.post("/api/tickets/{id}/reprint", ctx -> ctx.json(desk.reprint(ctx.pathParam("id"))), Role.COUNTER, Role.TECH);
    }

    private void issue(Context ctx) {
        IssueBody req = bodies.read(ctx, IssueBody.class, false);
        if (req.serviceId() == null || req.serviceId().isBlank()) {
            throw new Problem(400, "bad_request", "'serviceId' is required; GET /api/services lists them");
        }
        Channel channel = req.channel() == null ? Channel.TOUCHSCREEN : Channel.fromId(req.channel()).orElseThrow(() ->
                new Problem(400, "bad_request", "'channel' must be one of touchscreen, robot, counter; got '"
                        + req.channel() + "'"));
        if (req.requestId() != null && !req.requestId().matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new Problem(400, "bad_request", "'requestId' must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        ctx.status(201).json(desk.issue(IssueRequest.of(req.serviceId(), req.priority(), channel)
                .withRequestId(req.requestId()), !Boolean.FALSE.equals(req.waitForPrint())));
    }

    private void next(Context ctx) {
        NextRequest req = bodies.read(ctx, NextRequest.class, true);
        var called = queue.callNext(ctx.pathParam("counterId"), req.services());
        if (called.isPresent()) {
            ctx.json(called.get());
        } else {
            ctx.status(204);
        }
    }

    private void transfer(Context ctx) {
        TransferRequest req = bodies.read(ctx, TransferRequest.class, false);
        if (req.serviceId() == null || req.serviceId().isBlank()) {
            throw new Problem(400, "bad_request", "'serviceId' (the service to transfer to) is required");
        }
        ctx.json(queue.transfer(ctx.pathParam("id"), req.serviceId()));
    }
}
