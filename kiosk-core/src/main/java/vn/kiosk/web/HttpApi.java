package vn.kiosk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.drinks.DrinkService;
import vn.kiosk.health.HealthCheck;
import vn.kiosk.health.SelfTest;
import vn.kiosk.printing.TicketDesk;
import vn.kiosk.problem.Problem;
import vn.kiosk.queue.QueueService;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.reports.ReportService;
import vn.kiosk.speech.Espeak;
import vn.kiosk.speech.SpokenGuidance;
import vn.kiosk.storage.StorageException;

/** The local HTTP API and the static touchscreen UI, on Javalin (Jetty). */
public final class HttpApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    /**
     * How long a stop waits for requests in flight, and then for Jetty's connections: SIGTERM must
     * finish within 5 s in all (a ticket waiting for its print answers at once on a stop).
     */
    private static final long STOP_TIMEOUT_MS = 1_000;
    private static final long JETTY_STOP_TIMEOUT_MS = 500;
    private static final String EVENTS = "/api/events";
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** From the end of the headers to the last byte of the body. */
    static final long BODY_DEADLINE_MS = 5_000;

    private final Javalin app;
    private final InFlight inFlight = new InFlight();
    private final LiveEvents events;

    public HttpApi(KioskConfig.Http http, ObjectMapper json, QueueService queue, TicketDesk desk, ServiceCatalog catalog,
                   HealthCheck health, LiveEvents events, java.util.function.Supplier<Object> kioskState,
                   DrinkService drinks, SelfTest selfTest, ReportService reports) {
        this.events = events;
        AccessGuard guard = new AccessGuard(http);
        RequestBodies bodies = new RequestBodies(json);
        JsonErrorHandler errors = new JsonErrorHandler(json);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.jetty.host = http.bind();
            config.jetty.port = http.port();
            // A small pool: a Pi serves one touchscreen, a few robots and counters.
            QueuedThreadPool pool = new QueuedThreadPool(32, 4, 60_000);
            pool.setName("http");
            config.jetty.threadPool = pool;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(JETTY_STOP_TIMEOUT_MS);
                server.setErrorHandler(errors);
                // Bodies are read without a thread before the API sees the request, so slow
                // senders wait in the selector instead of holding the pool; within a deadline.
                // (counting content bytes only: a body split into many small chunks is not refused early)
                server.insertHandler(new EagerContentHandler(
                        new EagerContentHandler.RetainedContentLoaderFactory(MAX_BODY_BYTES + 1, 0, true)));
                server.insertHandler(new BodyDeadline(BODY_DEADLINE_MS, null));
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/ui";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars(); // the reports page's chart library, from its jar
            // The live event stream stays open for hours: it is not a request "in flight".
            config.routes.before(ctx -> {
                if (!ctx.path().equals(EVENTS)) {
                    inFlight.enter();
                }
            });
            config.routes.after(ctx -> {
                if (!ctx.path().equals(EVENTS)) {
                    inFlight.leave();
                }
            });
            config.routes.beforeMatched(guard::check);
            new HealthRoutes(health).register(config.routes);
            config.routes.get("/api/selftest", ctx -> ctx.json(selfTest.run()), Role.TECH);
            config.routes.get(EVENTS, events::handle, Role.ROBOT, Role.COUNTER, Role.TECH);
            config.routes.get("/api/kiosk", ctx -> ctx.json(kioskState.get()));
            new QueueRoutes(queue, desk, catalog, bodies).register(config.routes);
            new DrinkRoutes(drinks, bodies).register(config.routes);
            new ReportRoutes(reports).register(config.routes);
            new SpeechRoutes(queue, new SpokenGuidance(json, catalog, Espeak.onThisDevice())).register(config.routes);
            config.routes.exception(Problem.class, (e, ctx) ->
                    ctx.status(e.status()).json(ErrorBody.of(e.code(), e.getMessage(), e.details())));
            config.routes.exception(StorageException.class, (e, ctx) -> {
                if (e.fault() == null) {
                    log.error("storage failure on {} {}", ctx.method(), ctx.path(), e);
                    ctx.status(503).json(ErrorBody.of("storage_unavailable", "the queue database is not available; try again"));
                } else { // the database logged the cause once; no stack trace per refused request
                    log.warn("refused {} {}: {}", ctx.method(), ctx.path(), e.fault().describe());
                    ctx.status(503).json(ErrorBody.of("storage_unavailable", "the queue database cannot store anything: "
                            + e.fault().kind().label() + "; try again once the kiosk's health is UP"));
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500).json(ErrorBody.of("internal", "unexpected error; the kiosk log has the details"));
            });
            config.routes.error(404, ctx -> {
                if (!String.valueOf(ctx.res().getContentType()).contains("json")) {
                    ctx.json(ErrorBody.of("not_found", "no such endpoint: " + ctx.method() + " " + ctx.path()));
                }
            });
            config.routes.error(405, ctx -> ctx.json(ErrorBody.of("method_not_allowed",
                    ctx.method() + " is not allowed on " + ctx.path())));
            config.routes.error(413, ctx -> ctx.json(ErrorBody.of("too_large", "the request body is too large")));
        });
    }

    public HttpApi start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Refuses new requests, lets those in flight finish (up to a bound), then stops the server. */
    @Override
    public void close() {
        inFlight.closeAndAwait(STOP_TIMEOUT_MS);
        events.closeAll();
        app.stop();
    }
}
