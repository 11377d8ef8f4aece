package vn.kiosk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresUrlTest {

    @TempDir
    Path dir;

    @Test
    void theDriverGetsHostPortDatabaseAndItsOptionsButNeitherUserNorPassword() {
        PostgresUrl url = PostgresUrl.parse("postgresql://10.0.0.2:5433/queue?user=kiosk&password=p%26ss&sslmode=verify-full"
                + "&sslrootcert=/etc/kiosk/site-ca.pem", null);
        assertEquals("jdbc:postgresql://10.0.0.2:5433/queue?sslmode=verify-full&sslrootcert=%2Fetc%2Fkiosk%2Fsite-ca.pem",
                url.jdbcUrl());
        assertEquals("kiosk", url.user());
        assertEquals("p&ss", url.password());
        assertEquals("postgresql://10.0.0.2:5433/queue (user kiosk)", url.toString());
        assertFalse(url.toString().contains("p&ss"));
    }

    @Test
    void thePasswordFileWinsOverTheUrlAndThePortDefaultsTo5432() throws Exception {
        Path secret = Files.writeString(dir.resolve("queue-password"), "Mat-khau-2026\n");
        PostgresUrl url = PostgresUrl.parse("postgresql://db.phuong.local/queue?user=kiosk&password=old", secret.toString());
        assertEquals("Mat-khau-2026", url.password());
        assertEquals(5432, url.port());
    }

    @Test
    void aBadUrlSaysWhatIsMissing() {
        assertEquals("no user; add ?user=NAME (a role made for the kiosks, see the README)",
                assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("postgresql://db/queue", null)).getMessage());
        assertEquals("no database name; expected postgresql://HOST:PORT/DB?user=U",
                assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("postgresql://db:5432?user=k", null))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("postgresql://db/q?user=k",
                dir.resolve("missing").toString()));
    }
}
