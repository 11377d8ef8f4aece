package vn.kiosk.fleet;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;

/**
 * 1,000 forced reconnects (a proxy between kiosk and broker cuts every connection) with the
 * kiosk's thread count and open file descriptors flat: Paho has leaked both on reconnect before.
 * Paho 1.2.5 spends 300 ms in every connect (its sender, receiver and callback threads are each
 * started with a 100 ms sleep-poll), so the kiosk runs in a child JVM, where its threads and files
 * are counted alone, and this test runs beside the others (it mostly waits).
 */
@Execution(ExecutionMode.CONCURRENT)
class ReconnectLeakTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES) // about six minutes here
    void aThousandReconnectsLeakNoThreadsAndNoFileDescriptors() throws Exception {
        try (TestBroker broker = TestBroker.start(dir.resolve("broker")); CuttingProxy proxy = new CuttingProxy(broker.port())) {
            Path config = dir.resolve("kiosk.yaml");
            Files.writeString(config, """
                    mqtt: { url: "tcp://127.0.0.1:%d", reconnectMinMillis: 1, reconnectMaxMillis: 5, telemetrySeconds: 3600 }
                    """.formatted(proxy.port()));
            // a fixed number of JIT compiler threads: the JVM's own would come and go and blur the count
            try (KioskProcess kiosk = KioskProcess.start(dir, Ports.free(), Map.of("KIOSK_CONFIG", config.toString(),
                    "KIOSK_DATA_DIR", dir.resolve("data").toString()), List.of("-XX:-UseDynamicNumberOfCompilerThreads"), "run")
                    .awaitReady(Duration.ofSeconds(60));
                 MqttProbe status = MqttProbe.connect(broker.url()).subscribe("kiosk/+/+/status", 1)) {
                long pid = kiosk.process().pid();
                Poll.until(Duration.ofSeconds(20), "the kiosk online", () -> online(status, 0));
                cycle(kiosk, proxy, status, 20); // warm up: pools and caches settle
                long threads = threads(pid);
                long fds = openFds(pid);
                cycle(kiosk, proxy, status, Integer.getInteger("reconnects", 1000));
                long threadsAfter = threads(pid);
                long fdsAfter = openFds(pid);
                assertTrue(threadsAfter <= threads + 3, "threads " + threads + " -> " + threadsAfter);
                assertTrue(fdsAfter <= fds + 10, "open files " + fds + " -> " + fdsAfter);
                int code = kiosk.terminate(Duration.ofSeconds(20)); // before the broker goes
                assertTrue(code == 0 || code == 143, "exit code " + code + "\n" + kiosk.stderr());
            }
        }
    }

    /**
     * Each time: cut the kiosk's connection and wait until it has reconnected, subscribed and said
     * online again. The online message reaches this test before its PUBACK reaches the kiosk, so a
     * cut can land while the kiosk still waits for that answer (10 s at most, the kiosk's timeout
     * for one of Paho's operations), hence 30 s. Once, in a full CI run, reconnect 582 did not come
     * in 30 s; the kiosk then reused its Paho client, which can be left "connecting" for good (see
     * MqttConnection). A timeout here now prints the kiosk's threads and the end of its log.
     */
    private static void cycle(KioskProcess kiosk, CuttingProxy proxy, MqttProbe status, int times) {
        for (int i = 0; i < times; i++) {
            int before = status.received().size();
            proxy.cutAll();
            try {
                Poll.until(Duration.ofSeconds(Integer.getInteger("reconnectSeconds", 30)), "reconnect " + i, () -> online(status, before));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + stuck(kiosk), e);
            }
        }
    }

    /** What the kiosk was doing when it did not come back: its last log lines and its threads. */
    private static String stuck(KioskProcess kiosk) {
        String log = kiosk.stdout();
        String tail = log.substring(Math.max(0, log.length() - 4000));
        String dump;
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(kiosk.process().pid()), "Thread.print").redirectErrorStream(true).start();
            dump = new String(jcmd.getInputStream().readAllBytes());
        } catch (IOException e) {
            dump = "no thread dump: " + e.getMessage();
        }
        return "kiosk log (end):\n" + tail + "\nkiosk threads:\n" + dump;
    }

    private static boolean online(MqttProbe status, int after) {
        List<MqttProbe.Message> all = status.received();
        return all.subList(after, all.size()).stream().anyMatch(m -> m.json().path("online").asBoolean());
    }

    private static long threads(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("Threads:"))
                .mapToLong(l -> Long.parseLong(l.substring("Threads:".length()).trim())).findFirst().orElseThrow();
    }

    private static long openFds(long pid) throws IOException {
        try (var s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return s.count();
        }
    }

    /** A TCP proxy that can drop every connection through it at once. */
    static final class CuttingProxy implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final Thread acceptor;
        private final AtomicInteger silenced = new AtomicInteger();
        private volatile boolean swallow;

        CuttingProxy(int targetPort) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                        client.setTcpNoDelay(true);
                        upstream.setTcpNoDelay(true);
                        open.add(client);
                        open.add(upstream);
                        pump(client, upstream, true);
                        pump(upstream, client, false);
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void pump(Socket from, Socket to, boolean fromClient) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    boolean first = true;
                    while ((n = in.read(buf)) > 0) {
                        if (!swallow) {
                            out.write(buf, 0, n);
                        } else if (first && fromClient) {
                            silenced.incrementAndGet();
                        }
                        first = false;
                    }
                } catch (IOException e) {
                    // cut
                } finally {
                    close(from);
                    close(to);
                    open.remove(from);
                    open.remove(to);
                }
            }, "proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        /** While on, bytes are read and dropped both ways: the connections stay open and carry nothing. */
        void swallow(boolean on) {
            swallow = on;
        }

        /** Connections whose client's first bytes (its CONNECT) were swallowed. */
        int silenced() {
            return silenced.get();
        }

        void cutAll() {
            for (Socket s : open) {
                close(s);
            }
        }

        private static void close(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            cutAll();
        }
    }
}
