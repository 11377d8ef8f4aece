package vn.kiosk.config;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The kiosk's whole configuration, as read from kiosk.yaml (see config/kiosk.yaml for what each
 * key means). Instances are only made by {@link ConfigLoader}, which has validated every value.
 */
public record KioskConfig(
        Site site,
        DeviceId device,
        String timeZone,
        BusinessDay businessDay,
        String dataDir,
        Http http,
        Queue queue,
        List<PriorityCategory> priorities,
        List<Counter> counters,
        List<Service> services,
        Devices devices,
        Dispensing dispenser,
        Printing printing,
        Scanning scanning,
        OpeningHours openingHours,
        Ui ui,
        Mqtt mqtt) {

    public record Text(String vi, String en) { }

    public record Site(String id, Text name) { }

    public record DeviceId(String id) { }

    public record BusinessDay(String resetAt) { }

    public record Http(String bind, Integer port, Boolean trustLocalhost, Tokens tokens, Integer maxEventStreams) { }

    public record Tokens(String robot, String counter, String tech) { }

    public record Queue(Integer maxPriorityInRow, Integer defaultServiceMinutes, Integer estimateSamples) { }

    public record PriorityCategory(String id, Text name, Integer minAge) { }

    public record Counter(String id, Text name, Text location) { }

    public record NumberRange(Integer first, Integer last) { }

    /** icon: one of {@link ServiceIcons#NAMES}, or null for the usual one for the id. */
    public record Service(String id, String prefix, Text name, NumberRange numbers, List<Text> documents,
                          List<String> counters, String icon) { }

    public record Devices(String printer, String scanner, String dispenser) { }

    /** The drink dispenser's wiring and limits (devices.dispenser says whether there is one). */
    public record Dispensing(Pins pins, String temperatureFile, Integer temperatureSeconds, Integer pulsesPerLitre,
                             Integer cupMl, Integer maxColdMl, Integer maxHotMl, Integer noFlowMillis,
                             Integer minFlowMlPerMinute, Integer overrunMl) { }

    public record Pins(Pin coldValve, Pin hotValve, Pin flowMeter, Pin cupSensor, Pin coldLevelLow, Pin hotLevelLow) { }

    /** A BCM line; bcm -1 = not fitted (level switches only). */
    public record Pin(Integer bcm, Boolean activeHigh, Integer debounceMillis) { }

    public record Mqtt(String url, String clientId, String username, String password, String caFile, String certFile,
                       String keyFile, Integer keepAliveSeconds, Integer telemetrySeconds, Integer reconnectMinMillis,
                       Integer reconnectMaxMillis, Backlog backlog) { }

    public record Backlog(Integer maxEvents, Integer maxBytes) { }

    public record OpeningHours(List<Integer> days, String open, String close) { }

    public record Ui(Integer idleSeconds) { }

    public record Scanning(Integer dedupeMillis, Integer maxLength, Integer sessionIdleSeconds, String dossierServiceId) { }

    public record Printing(String profile, java.util.Map<String, PrinterProfileConfig> profiles, String font,
                           Integer waitMillis, Integer statusPollMillis, TicketLayout ticket) { }

    public record PrinterProfileConfig(Integer paperWidthDots, Boolean nativeQr, Integer codePage, String textMode) { }

    public record TicketLayout(String qr, Text footer, Boolean english) { }

    /** The same configuration, open every day all day (the demo, so it can be tried at any hour). */
    public KioskConfig alwaysOpen() {
        return new KioskConfig(site, device, timeZone, businessDay, dataDir, http, queue, priorities, counters, services,
                devices, dispenser, printing, scanning, new OpeningHours(List.of(1, 2, 3, 4, 5, 6, 7), "00:00", "23:59"), ui, mqtt);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalTime businessDayStart() {
        return LocalTime.parse(businessDay.resetAt());
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }
}
