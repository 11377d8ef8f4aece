package vn.kiosk.console.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.kiosk.fleet.messages.TelemetryReport;

/**
 * A simulated kiosk's answers to technician commands ({@code cmd/tech/{name}} with
 * {@code {"id", "args"}}), in the real CommandRouter's reply shape: {@code {"id", "status": "ok",
 * "code": 200, "data"}}, or {@code {"id", "status": "error", "code", "errorCode", "error", "details"}}.
 * As on a real kiosk, a name the tech role does not have is 403, an arg the command does not take 400,
 * and a request without a readable id is answered on {@code reply/tech/invalid}. Unlike a real kiosk,
 * a request id seen twice runs twice (nothing here has an effect worth guarding).
 */
final class SimTechCommands {

    /** A reply and the request id it goes to ("invalid" when none could be read). */
    record Reply(String requestId, byte[] payload) { }

    record TestPrint(boolean printed, String printerState, String error) { }

    record MaintenanceReply(boolean maintenance) { }

    record DispenserReset(String cleared) { }

    /** The fields of the real kiosk's ticket view that a reprint's reply is read for. */
    record ReprintReply(String id, String number, String serviceId, boolean printed, String printState) { }

    record ReloadReply(boolean valid, boolean restarting) { }

    record LogLevelReply(String logger, String level) { }

    /** The telemetry part of the real device.status (health and self-test are the real kiosk's own). */
    record DeviceStatusReply(TelemetryReport telemetry) { }

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Each command and the args it takes. */
    static final Map<String, Set<String>> COMMANDS = Map.of("printer.test", Set.of(), "maintenance.set", Set.of("on"),
            "dispenser.reset", Set.of("by"), "config.reload", Set.of(), "device.status", Set.of(),
            "log.level", Set.of("level", "logger"), "ticket.reprint", Set.of("ticketId"));
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    /** A refusal with its HTTP-style status and reason code. */
    private static final class Refused extends RuntimeException {
        final int code;
        final String errorCode;

        Refused(int code, String errorCode, String message) {
            super(message, null, false, false);
            this.code = code;
            this.errorCode = errorCode;
        }
    }

    private final ObjectMapper json;
    private final SimDevices devices;
    private final SimQueue queue;
    private final AtomicBoolean maintenance;
    private final Supplier<TelemetryReport> telemetry;

    SimTechCommands(ObjectMapper json, SimDevices devices, SimQueue queue, AtomicBoolean maintenance,
                    Supplier<TelemetryReport> telemetry) {
        this.json = json;
        this.devices = devices;
        this.queue = queue;
        this.maintenance = maintenance;
        this.telemetry = telemetry;
    }

    /** @param name the last topic level; '-' may stand for '.' as on a real kiosk */
    Reply handle(String name, byte[] payload) {
        JsonNode request;
        try {
            request = json.readTree(payload);
        } catch (IOException e) {
            return new Reply("invalid", error(null, new Refused(400, "bad_json", "payload is not JSON")));
        }
        JsonNode id = request == null ? null : request.get("id");
        if (id == null || !id.isTextual() || !REQUEST_ID.matcher(id.asText()).matches()) {
            return new Reply("invalid", error(null, new Refused(400, "bad_request",
                    "payload must be a JSON object with \"id\": 1 to 64 characters of A-Z a-z 0-9 . _ : -")));
        }
        String requestId = id.asText();
        try {
            Object data = run(name.replace('-', '.'), args(request));
            ObjectNode ok = json.createObjectNode();
            ok.put("id", requestId);
            ok.put("status", "ok");
            ok.put("code", 200);
            ok.set("data", json.valueToTree(data));
            return new Reply(requestId, bytes(ok));
        } catch (Refused r) {
            return new Reply(requestId, error(requestId, r));
        }
    }

    private ObjectNode args(JsonNode request) {
        JsonNode args = request.get("args");
        if (args == null || args.isNull()) {
            return json.createObjectNode();
        }
        if (!args.isObject()) {
            throw new Refused(400, "bad_request", "\"args\" must be a JSON object");
        }
        return (ObjectNode) args;
    }

    private Object run(String name, ObjectNode args) {
        Set<String> accepts = COMMANDS.get(name);
        if (accepts == null) {
            throw new Refused(403, "forbidden", "command '" + name + "' is not allowed for role 'tech'");
        }
        args.fieldNames().forEachRemaining(f -> {
            if (!accepts.contains(f)) {
                throw new Refused(400, "bad_request", "unknown field '" + f + "' in args of " + name + "; allowed: " + accepts);
            }
        });
        return switch (name) {
            case "printer.test" -> {
                String state = devices.printer();
                boolean printed = SimDevices.canPrint(state);
                yield new TestPrint(printed, state, printed ? null : "the printer is out of paper");
            }
            case "maintenance.set" -> {
                JsonNode on = args.get("on");
                if (on == null || !on.isBoolean()) {
                    throw new Refused(400, "bad_request", "args.on must be true or false");
                }
                maintenance.set(on.asBoolean());
                yield new MaintenanceReply(maintenance.get());
            }
            case "dispenser.reset" -> new DispenserReset(null);
            case "ticket.reprint" -> {
                JsonNode id = args.get("ticketId");
                if (id == null || !id.isTextual() || id.asText().isBlank()) {
                    throw new Refused(400, "bad_request", "args.ticketId is required");
                }
                SimQueue.Ticket t = queue.find(id.asText());
                if (t == null) {
                    throw new Refused(404, "not_found", "no ticket " + id.asText() + " today");
                }
                boolean printed = SimDevices.canPrint(devices.printer());
                yield new ReprintReply(t.id(), t.number(), t.serviceId(), printed, printed ? "printed" : "failed");
            }
            // a real kiosk restarts to apply it; a simulated one has nothing to reload
            case "config.reload" -> new ReloadReply(true, false);
            case "device.status" -> new DeviceStatusReply(telemetry.get());
            case "log.level" -> {
                JsonNode level = args.get("level");
                String word = level == null ? "" : level.asText().toUpperCase(Locale.ROOT);
                if (!LEVELS.contains(word)) {
                    throw new Refused(400, "bad_request", "args.level must be TRACE, DEBUG, INFO, WARN, ERROR or OFF");
                }
                JsonNode logger = args.get("logger");
                yield new LogLevelReply(logger == null || logger.isNull() ? "vn.kiosk" : logger.asText(), word);
            }
            default -> throw new IllegalStateException("no handler for " + name);
        };
    }

    private byte[] error(String id, Refused r) {
        ObjectNode n = json.createObjectNode();
        if (id == null) {
            n.putNull("id");
        } else {
            n.put("id", id);
        }
        n.put("status", "error");
        n.put("code", r.code);
        n.put("errorCode", r.errorCode);
        n.put("error", r.getMessage());
        n.set("details", json.createObjectNode());
        return bytes(n);
    }

    private byte[] bytes(ObjectNode n) {
        try {
            return json.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
