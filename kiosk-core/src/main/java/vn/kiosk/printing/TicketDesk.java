package vn.kiosk.printing;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.hw.printer.EscPos;
import vn.kiosk.hw.printer.PrinterException;
import vn.kiosk.hw.printer.QrBitmap;
import vn.kiosk.hw.printer.PngWriter;
import vn.kiosk.maintenance.MaintenanceMode;
import vn.kiosk.hw.printer.ReceiptEncoder;
import vn.kiosk.hw.printer.ThermalPrinter;
import vn.kiosk.problem.Problem;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.OpeningHours;
import vn.kiosk.queue.IssueRequest;
import vn.kiosk.queue.PrintOutcomes;
import vn.kiosk.queue.PrintState;
import vn.kiosk.queue.TicketIssuer;
import vn.kiosk.queue.TicketView;

/**
 * Hands out tickets on paper: the ticket is committed first (so a printed ticket always exists),
 * then printed on the printer's own thread, and the outcome is recorded with the ticket. The
 * caller gets its answer as soon as the print is done or after {@code waitMillis}, whichever is
 * first, and always gets the number: a ticket whose print failed stays valid and can be reprinted.
 * A ticket is never in two print jobs at once, so a retried request cannot print it twice.
 */
public final class TicketDesk implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TicketDesk.class);
    /** How long a stop lets the job on paper go on, and then waits for it to give up once interrupted. */
    private static final long STOP_MILLIS = 300;

    private final TicketIssuer tickets;
    private final PrintOutcomes outcomes;
    private final MaintenanceMode maintenance;
    private final OpeningHours hours;
    private final ThermalPrinter printer;
    private final ReceiptEncoder encoder;
    private final TicketLayout layout;
    private final long waitMillis;
    private final Runnable afterJob;
    private final ExecutorService printThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "printer");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> printing = ConcurrentHashMap.newKeySet();
    /** Completed when the kiosk stops: callers waiting for a print answer at once with "pending". */
    private final CompletableFuture<Void> stopping = new CompletableFuture<>();

    /**
     * @param printer  null when the kiosk has no printer
     * @param afterJob run after each job (re-reads the printer's status so health follows at once)
     */
    public TicketDesk(TicketIssuer tickets, PrintOutcomes outcomes, MaintenanceMode maintenance, OpeningHours hours,
                      ThermalPrinter printer, ReceiptEncoder encoder, TicketLayout layout, long waitMillis,
                      Runnable afterJob) {
        this.tickets = tickets;
        this.outcomes = outcomes;
        this.hours = hours;
        this.maintenance = maintenance;
        this.printer = printer;
        this.encoder = encoder;
        this.layout = layout;
        this.waitMillis = waitMillis;
        this.afterJob = afterJob;
    }

    /**
     * Issues a ticket. The touchscreen takes none while the kiosk is in maintenance or the centre
     * is closed (robots and counters carry on). A request id seen before returns that ticket,
     * unprinted again: a double tap or a retry gets one ticket and one piece of paper.
     */
    public TicketView issue(IssueRequest request) {
        return issue(request, true);
    }

    /**
     * Issues a ticket; with {@code waitForPrint} false the answer comes as soon as the ticket is
     * committed (printState pending), for a caller that shows the number itself and follows the
     * paper's outcome on the live events (the touchscreen: the number within 150 ms of the tap,
     * however slow the printer).
     */
    public TicketView issue(IssueRequest request, boolean waitForPrint) {
        Channel channel = request.channel();
        if (channel == Channel.TOUCHSCREEN && maintenance.isOn()) {
            throw new Problem(503, "maintenance", "the kiosk is out of service for maintenance; please ask at a counter");
        }
        if (channel == Channel.TOUCHSCREEN && !hours.isOpen()) {
            throw new Problem(409, "closed", "the centre is closed; opening hours " + hours.describe());
        }
        TicketIssuer.Issue issue = tickets.issue(request.withPrint(printer != null));
        TicketView t = issue.view();
        if (printer == null || !issue.created()) {
            return t;
        }
        printing.add(t.id());
        return printAndWait(t, waitForPrint ? waitMillis : 0);
    }

    public TicketView reprint(String id) {
        if (printer == null) {
            throw new Problem(409, "no_printer", "this kiosk has no printer");
        }
        tickets.ticket(id); // 404 for an unknown ticket before anything else
        if (!printing.add(id)) {
            throw new Problem(409, "already_printing", "the ticket is being printed right now");
        }
        try {
            return printAndWait(outcomes.markPending(id), waitMillis);
        } catch (RuntimeException e) {
            printing.remove(id);
            throw e;
        }
    }

    /** The ticket's QR code as a PNG, for the screen when its paper did not print. */
    public byte[] qrPng(String ticketId) {
        return PngWriter.png(QrBitmap.encode(layout.qrData(tickets.ticket(ticketId)), 8, EscPos.QrErrorCorrection.M, 4)
                .toImage());
    }

    /** Outcome of a printer test: whether the sample got onto paper, and the printer's state. */
    public record TestPrint(boolean printed, String printerState, String error) { }

    /** Prints a sample ticket (technician's printer.test) and waits for the outcome, at most 15 s. */
    public TestPrint printTest() {
        if (printer == null) {
            throw new Problem(409, "no_printer", "this kiosk has no printer");
        }
        Future<TestPrint> job = printThread.submit(() -> {
            try {
                printer.print(encoder.encode(layout.sample()));
                return new TestPrint(true, printer.status().state(), null);
            } catch (PrinterException e) {
                return new TestPrint(false, e.state().name(), e.getMessage());
            } finally {
                afterJob.run();
            }
        });
        try {
            return job.get(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new TestPrint(false, printer.status().state(), "the printer did not finish within 15 s");
        } catch (ExecutionException e) {
            return new TestPrint(false, "ERROR", String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TestPrint(false, "ERROR", "interrupted");
        }
    }

    /**
     * The answer of a job that finished in time is the ticket as it was committed with the job's
     * outcome, not read again: that read was a tenth of a ticket's time (TicketIssueBench), and
     * nothing else of the ticket changes in the milliseconds of its print.
     */
    private TicketView printAndWait(TicketView t, long waitMillis) {
        CompletableFuture<TicketView> job;
        try {
            job = CompletableFuture.supplyAsync(() -> print(t), printThread);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            printing.remove(t.id());
            outcomes.markFailed(t.id(), "OFFLINE", "the kiosk is shutting down");
            return tickets.ticket(t.id());
        }
        if (waitMillis <= 0) {
            return t; // as committed: pending, the outcome follows in the ticket and its events
        }
        try {
            CompletableFuture.anyOf(job, stopping).get(waitMillis, TimeUnit.MILLISECONDS);
            if (job.isDone()) {
                return job.get();
            }
        } catch (TimeoutException e) {
            // still printing: the caller gets printState "pending"; the outcome follows in the ticket
        } catch (ExecutionException e) {
            log.warn("print job for {} failed unexpectedly", t.number(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return tickets.ticket(t.id());
    }

    /** Prints the ticket and records the outcome; returns the ticket with it. */
    private TicketView print(TicketView t) {
        try {
            printer.print(encoder.encode(layout.receipt(t)));
            outcomes.markPrinted(t.id());
            return t.withPrint(PrintState.PRINTED, null);
        } catch (PrinterException e) {
            log.warn("ticket {} not printed: {} ({})", t.number(), e.state(), e.getMessage());
            outcomes.markFailed(t.id(), e.state().name(), e.getMessage());
            return t.withPrint(PrintState.FAILED, e.getMessage());
        } catch (Exception e) {
            log.warn("ticket {} not printed", t.number(), e);
            outcomes.markFailed(t.id(), "ERROR", String.valueOf(e.getMessage()));
            return t.withPrint(PrintState.FAILED, String.valueOf(e.getMessage()));
        } finally {
            printing.remove(t.id());
            afterJob.run();
        }
    }

    /**
     * The first step of a stop: requests waiting for their print answer now ("pending"), so the
     * HTTP server and the command router can finish them at once instead of waiting out
     * {@code waitMillis}.
     */
    public void stopWaiting() {
        stopping.complete(null);
    }

    /**
     * Lets the job on paper finish for a moment, then interrupts it: the stop must fit in the 5 s
     * systemd gives it, and an interrupted ticket is marked failed, so staff can reprint it.
     */
    @Override
    public void close() {
        stopWaiting();
        printThread.shutdown();
        try {
            if (!printThread.awaitTermination(STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                printThread.shutdownNow();
                if (!printThread.awaitTermination(STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                    log.warn("the print job did not stop within {} ms; its ticket stays \"pending\" (reprint it)",
                            2 * STOP_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
