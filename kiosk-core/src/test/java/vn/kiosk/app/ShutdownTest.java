package vn.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.EventStream;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;

/**
 * SIGTERM with everything in flight at once: a ticket request waiting for its print, the print
 * job itself (a network printer that takes the bytes but never confirms them), the MQTT session
 * and live-event streams. The service manager gives the kiosk 5 s before it kills it; the stop
 * must fit in that, answer the request in flight and keep the ticket.
 */
class ShutdownTest {

    @TempDir
    Path dir;

    @Test
    void sigtermEndsWithinFiveSecondsWithARequestAPrintJobMqttAndSseInFlight() throws Exception {
        stopWithEverythingInFlight(false);
    }

    /** The same, while the broker has stopped answering (the network dropped a moment before the stop). */
    @Test
    void sigtermEndsWithinFiveSecondsWhileTheBrokerHasStoppedAnswering() throws Exception {
        stopWithEverythingInFlight(true);
    }

    private void stopWithEverythingInFlight(boolean brokerStalled) throws Exception {
        try (TestBroker broker = brokerStalled ? TestBroker.mosquitto(dir.resolve("broker")) : TestBroker.start(dir.resolve("broker"));
             SilentPrinter printer = SilentPrinter.start()) {
            int port = Ports.free();
            Path config = dir.resolve("kiosk.yaml");
            Files.writeString(config, """
                    site: { id: "ward-1" }
                    device: { id: "kiosk-shutdown" }
                    devices: { printer: "tcp://127.0.0.1:%d", scanner: "sim:", dispenser: "sim:" }
                    printing: { waitMillis: 10000 }
                    mqtt: { url: "%s" }
                    openingHours: { days: [1, 2, 3, 4, 5, 6, 7], open: "00:00", close: "24:00" }
                    """.formatted(printer.port(), broker.url()));
            Map<String, String> env = Map.of("KIOSK_CONFIG", config.toString(),
                    "KIOSK_DATA_DIR", dir.resolve("data").toString());
            try (KioskProcess kiosk = KioskProcess.start(dir, port, env, "run").awaitReady(Duration.ofSeconds(30));
                 MqttProbe probe = MqttProbe.connect(broker.url())) {
                probe.subscribe("kiosk/ward-1/kiosk-shutdown/status", 1);
                probe.await(Duration.ofSeconds(15), "the kiosk online on MQTT", m -> m.text().contains("\"online\":true"));
                List<EventStream> streams = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    streams.add(new EventStream(port));
                }
                Api api = kiosk.api();
                CompletableFuture<Api.Response> inFlight = CompletableFuture.supplyAsync(() ->
                        api.post("/api/tickets", "{\"serviceId\": \"land\", \"channel\": \"robot\", \"requestId\": \"shutdown-1\"}"));
                Poll.until(Duration.ofSeconds(10), "the ticket's print job on the printer", printer::jobReceived);
                assertTrue(!inFlight.isDone(), "the request must still be waiting for its print when SIGTERM comes");
                if (brokerStalled) {
                    broker.freeze(true);
                }

                long t0 = System.nanoTime();
                int code = kiosk.terminate(Duration.ofSeconds(30));
                long millis = (System.nanoTime() - t0) / 1_000_000;
                streams.forEach(EventStream::close);
                System.out.println("SIGTERM to exit: " + millis + " ms; " + kiosk.stdout().lines()
                        .filter(l -> l.contains("stopped in")).findFirst().orElse("(no \"stopped in\" line)"));

                assertTrue(code == 0 || code == 143, "exit code " + code + "\n" + kiosk.stderr());
                assertTrue(millis <= 5_000, "SIGTERM took " + millis + " ms (limit 5000)\n" + kiosk.stdout());
                Api.Response answer = inFlight.get(5, TimeUnit.SECONDS);
                assertEquals(201, answer.status(), "the request in flight is answered: " + answer.text());
                if (brokerStalled) {
                    broker.freeze(false); // the Will says offline once the broker notices the lost session
                }
                probe.await(Duration.ofSeconds(brokerStalled ? 15 : 5), "offline on the status topic",
                        m -> m.text().contains("\"online\":false"));
                String id = answer.body().get("id").asText();
                try (KioskProcess again = KioskProcess.start(dir, port, env, "run").awaitReady(Duration.ofSeconds(30))) {
                    assertEquals(200, again.api().get("/api/tickets/" + id).status(), "the ticket survived the stop");
                }
            }
        }
    }

    /**
     * A network ESC/POS printer that answers real-time status (DLE EOT n) with "ready" but never
     * confirms a job (GS r): the job stays in flight for the printer's whole print time.
     */
    static final class SilentPrinter implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicInteger jobBytes = new AtomicInteger();
        private final List<Socket> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

        private SilentPrinter(ServerSocket server) {
            this.server = server;
        }

        static SilentPrinter start() throws IOException {
            SilentPrinter p = new SilentPrinter(new ServerSocket(0, 5, InetAddress.getLoopbackAddress()));
            Thread t = new Thread(p::acceptLoop, "silent-printer");
            t.setDaemon(true);
            t.start();
            return p;
        }

        int port() {
            return server.getLocalPort();
        }

        /** True once a whole ticket has arrived: the job ends with GS r 1, which this printer leaves unanswered. */
        boolean jobReceived() {
            return jobBytes.get() > 0;
        }

        private void acceptLoop() {
            while (!closed.get()) {
                try {
                    Socket s = server.accept();
                    clients.add(s);
                    Thread t = new Thread(() -> serve(s), "silent-printer-client");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                int prev2 = -1;
                int prev = -1;
                int count = 0;
                for (int b = in.read(); b >= 0; b = in.read()) {
                    count++;
                    if (prev2 == 0x10 && prev == 0x04 && b >= 1 && b <= 4) {
                        out.write(0x12); // online, no error, paper present
                        out.flush();
                    } else if (prev2 == 0x1D && prev == 0x72 && b == 0x01) {
                        jobBytes.set(count); // GS r 1: confirmation requested; never given
                    }
                    prev2 = prev;
                    prev = b;
                }
            } catch (IOException e) {
                // the kiosk hung up
            }
        }

        @Override
        public void close() throws IOException {
            closed.set(true);
            server.close();
            for (Socket s : clients) {
                s.close();
            }
        }
    }
}
