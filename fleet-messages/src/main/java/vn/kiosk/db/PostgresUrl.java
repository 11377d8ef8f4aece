package vn.kiosk.db;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL server as the kiosks (the site queue) and the fleet console name it:
 * {@code postgresql://HOST:PORT/DB?user=U&password=P}, with any other parameter handed to the
 * PostgreSQL driver as it is (sslmode, sslrootcert, ...). The password may
 * come from a file instead (a systemd credential), and is never part of what {@link #toString} says.
 */
public record PostgresUrl(String host, int port, String database, String user, String password, Map<String, String> options) {

    public static final String SCHEME = "postgresql://";

    /** True when {@code store} names a PostgreSQL server (for a kiosk: rather than its own SQLite file). */
    public static boolean isPostgres(String store) {
        return store != null && store.startsWith(SCHEME);
    }

    /**
     * @param passwordFile a file whose first line is the password, or null/blank
     * @throws IllegalArgumentException saying what is wrong with the URL (never repeating the password)
     */
    public static PostgresUrl parse(String store, String passwordFile) {
        if (!isPostgres(store)) {
            throw new IllegalArgumentException("expected postgresql://HOST:PORT/DB?user=U[&password=P]");
        }
        URI uri;
        try {
            uri = new URI(store);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + "); expected postgresql://HOST:PORT/DB?user=U");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("no host; expected postgresql://HOST:PORT/DB?user=U");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("no database name; expected postgresql://HOST:PORT/DB?user=U");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                params.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        String user = params.remove("user");
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("no user; add ?user=NAME (a role made for the kiosks, see the README)");
        }
        String password = params.remove("password");
        if (passwordFile != null && !passwordFile.isBlank()) {
            try {
                password = Files.readAllLines(Path.of(passwordFile), StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the password file " + passwordFile + ": " + e.getMessage());
            }
        }
        return new PostgresUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path.substring(1), user, password,
                java.util.Collections.unmodifiableMap(params)); // in the order given
    }

    /** The driver's URL: host, port, database and the pass-through options (no user, no password). */
    public String jdbcUrl() {
        StringBuilder b = new StringBuilder("jdbc:postgresql://").append(host.contains(":") ? "[" + host + "]" : host)
                .append(':').append(port).append('/').append(database);
        char sep = '?';
        for (var e : options.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return SCHEME + host + ":" + port + "/" + database + " (user " + user + ")";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
