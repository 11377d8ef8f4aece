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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.app.KioskApp;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;
import vn.kiosk.testing.TestBroker;

/**
 * 1,000 forced reconnects (a proxy between kiosk and broker cuts every connection) with the
 * thread count and open file descriptors flat: Paho has leaked both on reconnect before.
 * About 5 minutes: Paho 1.2.5 spends 300 ms in every connect (its sender, receiver and callback
 * threads are each started with a 100 ms sleep-poll).
 */
class ReconnectLeakTest {

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();

    @Test
    void aThousandReconnectsLeakNoThreadsAndNoFileDescriptors() throws Exception {
        try (TestBroker broker = TestBroker.start(kiosk.dir().resolve("broker")); CuttingProxy proxy = new CuttingProxy(broker.port())) {
            KioskApp app = kiosk.start("""
                    mqtt: { url: "tcp://127.0.0.1:%d", reconnectMinMillis: 1, reconnectMaxMillis: 5, telemetrySeconds: 3600 }
                    """.formatted(proxy.port())).app();
            try {
                MqttConnection connection = app.fleet().connection();
                cycle(proxy, connection, 20); // warm up: pools and caches settle
                int threads = Thread.activeCount();
                long fds = openFds();
                cycle(proxy, connection, Integer.getInteger("reconnects", 1000));
                int threadsAfter = Thread.activeCount();
                long fdsAfter = openFds();
                assertTrue(threadsAfter <= threads + 3, "threads " + threads + " -> " + threadsAfter);
                assertTrue(fdsAfter <= fds + 10, "open files " + fds + " -> " + fdsAfter);
            } finally {
                kiosk.stop(); // before the broker goes
            }
        }
    }

    private static void cycle(CuttingProxy proxy, MqttConnection connection, int times) {
        for (int i = 0; i < times; i++) {
            Poll.until(Duration.ofSeconds(10), "a connection", connection::isConnected);
            long before = connection.connects();
            proxy.cutAll();
            Poll.until(Duration.ofSeconds(10), "reconnect " + i, () -> connection.connects() > before && connection.isConnected());
        }
    }

    private static long openFds() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    /** A TCP proxy that can drop every connection through it at once. */
    static final class CuttingProxy implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final Thread acceptor;
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
                        pump(client, upstream);
                        pump(upstream, client);
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

        private void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        if (!swallow) {
                            out.write(buf, 0, n);
                        }
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
