package vn.kiosk.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Who may use the console. FLEET_TECH_TOKEN is the first technician ("tech"); technicians add
 * viewers and technicians, each with a token "name.secret" shown once; only a bcrypt hash of the
 * secret is stored. A token checked once is remembered by its SHA-256 for ten minutes, so a page
 * polling every second does not pay for bcrypt each time.
 */
final class Users {

    enum Role { VIEWER, TECHNICIAN }

    record User(String name, Role role) { }

    /** A user as listed (never with a secret). */
    record Listed(String name, String role, java.time.Instant createdAt, String createdBy) { }

    /** What adding a user answers: the token, the only time it is shown. */
    record Added(String name, String role, String token) { }

    private static final long REMEMBER_MILLIS = 600_000;
    private record Remembered(User user, long until) { }

    private final FleetDb db;
    private final Clock clock;
    private final byte[] techToken;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    Users(FleetDb db, Clock clock, String techToken) {
        this.db = db;
        this.clock = clock;
        this.techToken = techToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The user a bearer token belongs to, if any. */
    Optional<User> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        if (MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), techToken)) {
            return Optional.of(new User("tech", Role.TECHNICIAN));
        }
        String digest = sha256(token);
        Remembered r = remembered.get(digest);
        if (r != null && r.until() > clock.millis()) {
            return Optional.of(r.user());
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String name = token.substring(0, dot);
        String secret = token.substring(dot + 1);
        Optional<User> user = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT role, secret_hash FROM console_user WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && bcrypt.matches(secret, rs.getString(2))
                            ? Optional.of(new User(name, Role.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT))))
                            : Optional.<User>empty();
                }
            }
        });
        user.ifPresent(u -> remembered.put(digest, new Remembered(u, clock.millis() + REMEMBER_MILLIS)));
        return user;
    }

    Added add(String name, String role, String by) {
        if (name == null || !name.matches("[a-z][a-z0-9_-]{1,31}") || name.equals("tech")) {
            throw new IllegalArgumentException("name: 2 to 32 lower-case letters, digits, '-' or '_', starting with a letter"
                    + " (and not 'tech')");
        }
        if (!"viewer".equals(role) && !"technician".equals(role)) {
            throw new IllegalArgumentException("role: viewer or technician");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        int added = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO console_user (name, role, secret_hash, created_at, "
                    + "created_by) VALUES (?,?,?,?,?) ON CONFLICT (name) DO NOTHING")) {
                ps.setString(1, name);
                ps.setString(2, role);
                ps.setString(3, bcrypt.encode(secret));
                ps.setTimestamp(4, FleetStore.ts(clock.instant()));
                ps.setString(5, by);
                return ps.executeUpdate();
            }
        });
        if (added == 0) {
            throw new IllegalStateException("a user named '" + name + "' exists already");
        }
        return new Added(name, role, name + "." + secret);
    }

    boolean remove(String name) {
        remembered.clear(); // its remembered tokens go with it
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_user WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    List<Listed> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, role, created_at, created_by FROM console_user "
                    + "ORDER BY name"); ResultSet rs = ps.executeQuery()) {
                List<Listed> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Listed(rs.getString(1), rs.getString(2), FleetStore.instant(rs.getTimestamp(3)), rs.getString(4)));
                }
                return out;
            }
        });
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
