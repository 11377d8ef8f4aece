package vn.kiosk.reports;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.TicketRecord;

/**
 * The tickets of a period as a spreadsheet: UTF-8 with a byte-order mark, so that Excel shows the
 * Vietnamese service names right; local times as "yyyy-MM-dd HH:mm:ss"; minutes with one decimal.
 * Written row by row (Jackson's CSV writer quotes what needs it).
 */
final class TicketsCsv implements AutoCloseable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @JsonPropertyOrder({"number", "business_day", "service_id", "service", "priority", "channel", "status", "issued",
            "called", "finished", "counter", "wait_minutes", "service_minutes"})
    record Row(String number, @JsonProperty("business_day") String businessDay, @JsonProperty("service_id") String serviceId,
               String service, String priority, String channel, String status, String issued, String called,
               String finished, String counter, @JsonProperty("wait_minutes") Double waitMinutes,
               @JsonProperty("service_minutes") Double serviceMinutes) { }

    private final OutputStream out;
    private final ServiceCatalog catalog;
    private final ZoneId zone;
    private SequenceWriter rows;

    TicketsCsv(OutputStream out, ServiceCatalog catalog, ZoneId zone) {
        this.out = out;
        this.catalog = catalog;
        this.zone = zone;
    }

    /** Nothing is written before the first ticket is read: a report refused before that is an error answer, not a file. */
    private SequenceWriter rows() throws IOException {
        if (rows == null) {
            out.write(BOM);
            CsvMapper csv = new CsvMapper();
            rows = csv.writer(csv.schemaFor(Row.class).withHeader()).writeValues(out);
        }
        return rows;
    }

    void write(TicketRecord t) {
        Double wait = t.firstCalledAt() == null ? null : minutes(t.issuedAt(), t.firstCalledAt());
        Double service = t.serviceStartedAt() == null || t.finishedAt() == null || t.status() != vn.kiosk.queue.TicketStatus.COMPLETED
                ? null : minutes(t.serviceStartedAt(), t.finishedAt());
        try {
            rows().write(new Row(t.number(), t.businessDay().toString(), t.serviceId(),
                    catalog.service(t.serviceId()).map(KioskConfig.Service::name).map(KioskConfig.Text::vi).orElse(null),
                    t.priority(), t.channel().id(), t.status().id(), time(t.issuedAt()), time(t.firstCalledAt()),
                    time(t.finishedAt()), t.counterId(), wait, service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(zone));
    }

    private static double minutes(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMillis() / 6_000.0) / 10.0;
    }

    @Override
    public void close() throws IOException {
        rows().close();
    }
}
