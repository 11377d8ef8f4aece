package vn.kiosk.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import vn.kiosk.reports.ReportPeriod;
import vn.kiosk.reports.ReportService;

/** The managers' reports: figures as JSON, the tickets as a spreadsheet, and the page that shows them. */
final class ReportRoutes {

    private final ReportService reports;

    ReportRoutes(ReportService reports) {
        this.reports = reports;
    }

    void register(JavalinDefaultRoutingApi r) {
        r.get("/reports", ctx -> ctx.redirect("/reports.html"));
        r.get("/api/reports/summary", ctx -> ctx.json(reports.summary(period(ctx))), Role.MANAGER, Role.COUNTER, Role.TECH);
        r.get("/api/reports/tickets.csv", this::csv, Role.MANAGER, Role.COUNTER, Role.TECH);
    }

    private void csv(Context ctx) throws java.io.IOException {
        ReportPeriod period = period(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"tickets-" + period.from() + "-to-" + period.to() + ".csv\"");
        reports.csv(period, ctx.outputStream());
    }

    private static ReportPeriod period(Context ctx) {
        return ReportPeriod.parse(ctx.queryParam("from"), ctx.queryParam("to"));
    }
}
