package vn.kiosk.fleet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import vn.kiosk.drinks.DrinkService;
import vn.kiosk.fleet.messages.TelemetryReport;
import vn.kiosk.health.HealthCheck;
import vn.kiosk.health.HealthReport;
import vn.kiosk.health.SelfTest;
import vn.kiosk.maintenance.MaintenanceMode;
import vn.kiosk.printing.TicketDesk;
import vn.kiosk.problem.Problem;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.IssueRequest;
import vn.kiosk.queue.QueueService;
import vn.kiosk.reports.ReportPeriod;
import vn.kiosk.reports.ReportService;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.ServiceListing;
import vn.kiosk.queue.TicketView;

import static vn.kiosk.fleet.CommandRouter.takes;

/** The commands each role may send, by name: the whole of what the fleet can ask of a kiosk. */
public final class FleetCommands {

    /** Validates the configuration file on disk: the problems, or an empty list when it is valid. */
    @FunctionalInterface
    public interface ConfigCheck {
        List<String> problems();
    }

    /** services.list: what GET /api/services and /api/priorities answer, in one reply. */
    record ServiceList(List<ServiceListing.Service> services, List<ServiceListing.Priority> priorities) { }

    /** counter.next: the ticket now called, or null when nobody waits. */
    record Called(TicketView ticket) { }

    /** device.status: everything a technician looks at first. */
    record DeviceStatusReply(HealthReport health, TelemetryReport telemetry, SelfTest.Report selftest) { }

    record MaintenanceReply(boolean maintenance) { }

    record ReloadReply(boolean valid, boolean restarting) { }

    record LogLevelReply(String logger, String level) { }

    private FleetCommands() { }

    public static Map<String, Map<String, CommandRouter.Handler>> table(TicketDesk desk, QueueService queue,
            ServiceCatalog catalog, HealthCheck health, Telemetry telemetry, MaintenanceMode maintenance,
            ConfigCheck configCheck, Runnable restart, BiConsumer<String, String> setLogLevel, DrinkService drinks,
            Supplier<SelfTest.Report> selfTest, ReportService reports) {
        Map<String, CommandRouter.Handler> robot = new LinkedHashMap<>();
        // the request key goes into the ticket's own transaction: a retry after a crash finds the ticket
        robot.put("ticket.issue", takes(a -> desk.issue(IssueRequest.of(a.text("serviceId"), a.optionalText("priority"),
                Channel.ROBOT).withRequestId(a.requestKey())), "serviceId", "priority"));
        robot.put("queue.status", a -> queue.overview());
        robot.put("services.list", a -> new ServiceList(ServiceListing.services(catalog),
                ServiceListing.priorities(catalog)));

        if (drinks != null) {
            robot.put("drink.dispense", takes(a -> drinks.start(a.text("kind"), a.optionalInt("ml"),
                    a.optionalBool("confirm"), Channel.ROBOT), "kind", "ml", "confirm"));
            robot.put("drink.status", takes(a -> drinks.pour(a.text("pourId")).orElseThrow(() ->
                    Problem.notFound("not_found", "no pour '" + a.text("pourId") + "' (the last 50 are kept)")), "pourId"));
        }

        Map<String, CommandRouter.Handler> counter = new LinkedHashMap<>();
        counter.put("counter.next", takes(a -> new Called(queue.callNext(a.text("counterId"),
                a.optionalTextList("services")).orElse(null)), "counterId", "services"));
        counter.put("ticket.complete", takes(a -> queue.complete(a.text("ticketId")), "ticketId"));
        counter.put("ticket.no_show", takes(a -> queue.noShow(a.text("ticketId")), "ticketId"));
        counter.put("ticket.recall", takes(a -> queue.recall(a.text("ticketId")), "ticketId"));

        Map<String, CommandRouter.Handler> tech = new LinkedHashMap<>();
        tech.put("device.status", a -> new DeviceStatusReply(health.report(), telemetry.snapshot(), selfTest.get()));
        tech.put("printer.test", a -> desk.printTest());
        tech.put("ticket.reprint", takes(a -> desk.reprint(a.text("ticketId")), "ticketId"));
        tech.put("maintenance.set", takes(a -> {
            maintenance.set(a.bool("on"));
            return new MaintenanceReply(maintenance.isOn());
        }, "on"));
        tech.put("config.reload", a -> {
            List<String> problems = configCheck.problems();
            if (!problems.isEmpty()) {
                throw Problem.badRequest("bad_request", "the configuration on disk is invalid, nothing changed: "
                        + String.join("; ", problems));
            }
            restart.run();
            return new ReloadReply(true, true);
        });
        if (drinks != null) {
            tech.put("dispenser.reset", takes(a -> drinks.reset(a.optionalText("by") == null ? "tech command" : a.text("by")),
                    "by"));
            // step "pour": pour a set volume by the current calibration; step "measured": the volume the
            // technician measured sets the flow meter's pulses per litre (kept in the database)
            tech.put("dispenser.calibrate", takes(a -> switch (a.text("step")) {
                case "pour" -> drinks.calibrationPour(a.optionalText("kind"), a.optionalInt("ml"));
                case "measured" -> drinks.calibrate(a.number("measuredMl"));
                default -> throw Problem.badRequest("bad_request", "args.step must be \"pour\" or \"measured\"");
            }, "step", "kind", "ml", "measuredMl"));
        }
        tech.put("log.level", takes(a -> {
            String logger = a.optionalText("logger");
            String level = a.text("level").toUpperCase(java.util.Locale.ROOT);
            if (!List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(level)) {
                throw Problem.badRequest("bad_request", "args.level must be TRACE, DEBUG, INFO, WARN, ERROR or OFF");
            }
            setLogLevel.accept(logger == null ? "vn.kiosk" : logger, level);
            return new LogLevelReply(logger == null ? "vn.kiosk" : logger, level);
        }, "level", "logger"));
        tech.put("report.summary", takes(a -> reports.summary(ReportPeriod.parse(a.text("from"), a.text("to"))), "from", "to"));
        return Map.of("robot", robot, "counter", counter, "tech", tech);
    }
}
