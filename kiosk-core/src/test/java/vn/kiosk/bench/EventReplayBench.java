package vn.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import vn.kiosk.app.KioskApp;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.IssueRequest;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;
import vn.kiosk.testing.TestConfigs;

/**
 * Benchmark (not a test): replay of a 10,000-event backlog after a broker outage, the latency of a
 * live event issued during the replay (it waits behind the backlog: events go out in seq order),
 * and of a command reply during the replay (not starved: replies do not queue behind events), and
 * the time one Paho client takes to connect.
 */
public final class EventReplayBench {

    public static void main(String[] args) throws Exception {
        int backlog = Integer.getInteger("bench.events", 10_000);
        Path dir = Files.createTempDirectory("kiosk-replay");
        String base = "kiosk/phuong-ben-thanh/kiosk-01/";
        TestBroker broker = TestBroker.start(dir.resolve("broker"));
        broker.stop(); // the outage: the kiosk starts without its broker
        KioskApp app = new KioskApp(TestConfigs.load(dir, """
                mqtt: { url: "%s", reconnectMinMillis: 1000, reconnectMaxMillis: 1000, telemetrySeconds: 3600 }
                devices: { printer: "" }
                """.formatted(broker.url()), Map.of("KIOSK_HTTP_PORT", String.valueOf(Ports.free()))), Clock.systemUTC()).start();
        try {
            String[] services = {"land", "civil-status", "online-help", "certification"};
            for (int i = 0; i < backlog; i++) {
                app.queue().issue(IssueRequest.of(services[i % services.length], null, Channel.ROBOT)).view();
            }
            broker.start();
            try (MqttProbe collector = MqttProbe.connect(broker.url()).subscribe(base + "#", 1)) {
                long before = app.fleet().connection().connects();
                Poll.until(Duration.ofSeconds(30), "the kiosk to reconnect", () -> app.fleet().connection().connects() > before);
                long t0 = System.nanoTime();
                Poll.until(Duration.ofSeconds(60), "1,000 events", () -> count(collector, base) >= 1000);
                long liveStart = System.nanoTime();
                String liveId = app.queue().issue(IssueRequest.of("land", null, Channel.ROBOT)).view().id();
                collector.publish(base + "cmd/robot/queue.status", "{\"id\": \"during-replay\"}");
                collector.await(Duration.ofSeconds(60), "the command reply", m -> m.topic().endsWith("reply/robot/during-replay"));
                long replyMs = (System.nanoTime() - liveStart) / 1_000_000;
                collector.await(Duration.ofSeconds(120), "the live event", m -> m.text().contains(liveId));
                long liveMs = (System.nanoTime() - liveStart) / 1_000_000;
                Poll.until(Duration.ofSeconds(120), "the whole backlog", () -> count(collector, base) >= backlog + 1);
                double replayS = (System.nanoTime() - t0) / 1e9;
                System.out.printf("event replay: %d events in %.2f s (%.0f events/s) after reconnect%n", backlog, replayS,
                        backlog / replayS);
                System.out.printf("live event issued during the replay: on the broker after %d ms (behind the backlog, in seq order)%n",
                        liveMs);
                System.out.printf("command reply during the replay: %d ms%n", replyMs);
            }
            pahoConnect(broker.url());
        } finally {
            app.close();
            broker.close();
        }
    }

    /** One Paho 1.2.5 client's connect to the local broker (TCP, CONNECT, CONNACK), a fresh client each time. */
    private static void pahoConnect(String url) throws Exception {
        int n = 10;
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < n + 2; i++) {
            long t0 = System.nanoTime();
            MqttProbe probe = MqttProbe.connect(url);
            long t = (System.nanoTime() - t0) / 1_000_000;
            probe.close();
            if (i >= 2) { // the first two load Paho's classes
                ms.add(t);
            }
        }
        Collections.sort(ms);
        System.out.printf("paho connect to a local mosquitto: median %d ms, max %d ms (%d connects)%n",
                ms.get(n / 2), ms.get(n - 1), n);
    }

    private static long count(MqttProbe p, String base) {
        return p.received().stream().filter(m -> m.topic().equals(base + "events") && m.text().contains("ticket.issued")).count();
    }
}
