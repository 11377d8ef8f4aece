package vn.kiosk.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.storage.Database;
import vn.kiosk.storage.Settings;

/** The bus on its own, with a real SQLite file for the post-commit part. */
class KioskEventsTest {

    private sealed interface Said extends KioskEvent { }

    private record Hello(String who) implements Said { }

    private record Bye(String who) implements Said { }

    private record Other(int n) implements KioskEvent { }

    @TempDir
    Path dir;
    private Database db;
    private final KioskEvents events = new KioskEvents();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("kiosk.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSubscriberHearsItsTypeOnlyInTheOrderPublished() {
        List<String> said = new ArrayList<>();
        List<String> hellos = new ArrayList<>();
        events.subscribe(Said.class, e -> said.add(e.toString()));
        events.subscribe(Hello.class, e -> hellos.add(e.who()));
        events.publish(new Hello("a"));
        events.publish(new Other(1));
        events.publish(new Bye("b"));
        events.publish(new Hello("c"));
        assertEquals(List.of("Hello[who=a]", "Bye[who=b]", "Hello[who=c]"), said);
        assertEquals(List.of("a", "c"), hellos);
    }

    @Test
    void anEventOfATransactionArrivesOnceItHasCommittedAndNeverAfterARollback() throws Exception {
        List<String> committedWhenHeard = new ArrayList<>();
        events.subscribe(Hello.class, e -> committedWhenHeard.add(e.who() + "=" + committedValue("greeting")));

        db.inTransaction(c -> {
            Settings.put(c, "greeting", "a");
            events.publishAfterCommit(db, new Hello("a"));
            assertEquals(List.of(), committedWhenHeard, "not while the transaction is open");
            return null;
        });
        assertEquals(List.of("a=a"), committedWhenHeard, "after the commit: another connection sees the row");

        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            Settings.put(c, "greeting", "b");
            events.publishAfterCommit(db, new Hello("b"));
            throw new IllegalStateException("the change is refused");
        }));
        db.inTransaction(c -> {
            Settings.put(c, "greeting", "c");
            events.publishAfterCommit(db, new Hello("c"));
            return null;
        });
        assertEquals(List.of("a=a", "c=c"), committedWhenHeard, "the rolled-back event is dropped, not kept for the next commit");
    }

    @Test
    void publishingAfterCommitOutsideATransactionIsAMistake() {
        assertThrows(IllegalStateException.class, () -> events.publishAfterCommit(db, new Hello("a")));
    }

    @Test
    void aThrowingSubscriberFailsNeitherThePublisherNorTheOthers() {
        List<String> heard = new ArrayList<>();
        events.subscribe(Hello.class, e -> heard.add("first " + e.who()));
        events.subscribe(Hello.class, e -> {
            throw new IllegalStateException("a broken subscriber");
        });
        events.subscribe(Hello.class, e -> heard.add("third " + e.who()));

        events.publish(new Hello("a"));
        String result = db.inTransaction(c -> {
            Settings.put(c, "greeting", "b");
            events.publishAfterCommit(db, new Hello("b"));
            return "committed";
        });
        assertEquals("committed", result);
        assertEquals(List.of("first a", "third a", "first b", "third b"), heard);
    }

    @Test
    void eachPublishersEventsArriveInItsOrder() throws Exception {
        Map<String, List<Integer>> byPublisher = new ConcurrentHashMap<>();
        events.subscribe(Hello.class, e -> {
            String[] parts = e.who().split("#");
            byPublisher.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
        });
        List<Thread> publishers = new ArrayList<>();
        for (String name : List.of("p1", "p2", "p3")) {
            publishers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    if (n % 2 == 0) {
                        events.publish(new Hello(name + "#" + n));
                    } else {
                        db.inTransaction(c -> {
                            events.publishAfterCommit(db, new Hello(name + "#" + n));
                            return null;
                        });
                    }
                }
            }));
        }
        for (Thread t : publishers) {
            t.join();
        }
        List<Integer> expected = java.util.stream.IntStream.range(0, 200).boxed().toList();
        assertEquals(3, byPublisher.size());
        byPublisher.forEach((who, seen) -> assertEquals(expected, seen, who));
    }

    /** The value as a second connection sees it: only what has committed. */
    private String committedValue(String key) {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kiosk.db"));
             Statement s = other.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM setting WHERE key = '" + key + "'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
