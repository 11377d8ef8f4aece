package vn.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The floor of a durable ticket on this disk (not a test): a bare sqlite-jdbc insert and commit in
 * WAL mode with synchronous=FULL (what the kiosk's database uses), one row of a ticket's size, p50
 * and p99 of {@code -Dbench.single} commits after 300 warm-up ones. Prints the two numbers as
 * "sqlite commit floor: p50 X ms p99 Y ms" for scripts/bench to set beside the kiosk's.
 */
public final class SqliteCommitFloor {

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.single", 2000);
        Path dir = Files.createTempDirectory("sqlite-floor");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("floor.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE ticket (id TEXT PRIMARY KEY, service TEXT, number INTEGER, issued_at INTEGER, data TEXT)");
            }
            c.setAutoCommit(false);
            List<Long> nanos = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < n + 300; i++) {
                    long t0 = System.nanoTime();
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, "land");
                    ps.setInt(3, i);
                    ps.setLong(4, System.currentTimeMillis());
                    ps.setString(5, "{\"number\":\"E" + i + "\",\"channel\":\"robot\",\"priority\":null}");
                    ps.executeUpdate();
                    c.commit();
                    if (i >= 300) {
                        nanos.add(System.nanoTime() - t0);
                    }
                }
            }
            Collections.sort(nanos);
            System.out.printf("sqlite commit floor: p50 %.2f ms p99 %.2f ms (%d insert+commit, WAL, synchronous=FULL)%n",
                    nanos.get(n / 2) / 1e6, nanos.get((int) Math.ceil(n * 0.99) - 1) / 1e6, n);
        }
    }
}
