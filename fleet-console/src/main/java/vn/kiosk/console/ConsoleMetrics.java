package vn.kiosk.console;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import vn.kiosk.fleet.view.AlertKind;

/** GET /metrics in Prometheus' text format, so a city's own Prometheus and Grafana can use the console. */
final class ConsoleMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter events = Counter.builder().name("fleet_events_ingested")
            .help("Kiosk events stored (each once)").register(registry);
    private final Histogram lag = Histogram.builder().name("fleet_ingest_lag_seconds")
            .help("From a kiosk's event time to its storing here").classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 60)
            .register(registry);

    void devicesOnline(LongSupplier online) {
        GaugeWithCallback.builder().name("fleet_devices_online").help("Kiosks whose status says online")
                .callback(cb -> cb.call(online.getAsLong())).register(registry);
    }

    void openAlerts(Supplier<Map<AlertKind, Long>> counts) {
        GaugeWithCallback.builder().name("fleet_alerts_open").help("Open alerts by kind").labelNames("kind")
                .callback(cb -> {
                    Map<AlertKind, Long> now = counts.get();
                    for (AlertKind k : AlertKind.values()) {
                        cb.call(now.getOrDefault(k, 0L), k.id());
                    }
                }).register(registry);
    }

    void eventIngested(Duration lagSinceEvent) {
        events.inc();
        if (lagSinceEvent != null) {
            lag.observe(Math.max(0, lagSinceEvent.toNanos() / 1e9));
        }
    }

    String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
