package vn.kiosk.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BiFunction;
import java.time.LocalDate;
import vn.kiosk.drinks.DrinkHistory;
import vn.kiosk.queue.QueueService;
import vn.kiosk.queue.ServiceCatalog;

/**
 * The managers' reports: waits, service times, no-shows and busy hours per service and counter,
 * over the tickets the queue keeps (a site's whole queue when it is on PostgreSQL), and a
 * spreadsheet of them. Reads only; the tickets carry no personal data.
 */
public final class ReportService {

    private final QueueService queue;
    private final ServiceCatalog catalog;
    private final BiFunction<LocalDate, LocalDate, List<DrinkHistory.Day>> drinks;

    public ReportService(QueueService queue, ServiceCatalog catalog, BiFunction<LocalDate, LocalDate, List<DrinkHistory.Day>> drinks) {
        this.queue = queue;
        this.catalog = catalog;
        this.drinks = drinks;
    }

    public Summary summary(ReportPeriod period) {
        ReportTally tally = new ReportTally(catalog, queue.zone());
        queue.history(period.from(), period.to(), tally::add);
        List<Summary.DrinkDay> poured = drinks.apply(period.from(), period.to()).stream()
                .map(d -> new Summary.DrinkDay(d.day().toString(), d.cups(), d.litres())).toList();
        return tally.summary(period, poured);
    }

    /** One row per ticket of the period, in arrival order, as UTF-8 CSV with a byte-order mark (for Excel). */
    public void csv(ReportPeriod period, OutputStream out) throws IOException {
        TicketsCsv csv = new TicketsCsv(out, catalog, queue.zone());
        queue.history(period.from(), period.to(), csv::write);
        csv.close(); // not when the history is refused: then the answer is the error, not a file
    }
}
