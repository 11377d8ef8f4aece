package vn.kiosk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import vn.kiosk.hw.testing.Poll;

/** A private NATS server with its MQTT listener (needs JetStream), for the broker compatibility contract. */
public final class NatsBroker implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/nats-server");

    private final Process process;
    private final int mqttPort;

    private NatsBroker(Process process, int mqttPort) {
        this.process = process;
        this.mqttPort = mqttPort;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static NatsBroker start(Path dir) {
        try {
            Files.createDirectories(dir);
            int port = Ports.free();
            int mqtt = Ports.free();
            Path conf = dir.resolve("nats.conf");
            Files.writeString(conf, "listen: 127.0.0.1:" + port + "\nserver_name: kiosk_test\njetstream { store_dir: \""
                    + dir.resolve("js").toAbsolutePath() + "\" }\nmqtt { listen: 127.0.0.1:" + mqtt + " }\n");
            Process p = new ProcessBuilder(BINARY.toString(), "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nats.log").toFile()).start();
            Poll.until(Duration.ofSeconds(15), "nats-server's MQTT listener", () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", mqtt), 200);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            return new NatsBroker(p, mqtt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
