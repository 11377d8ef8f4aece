package vn.kiosk.web;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.problem.Problem;

/**
 * Lets a request through when its endpoint is public, when it comes from this device and
 * localhost is trusted (the touchscreen), or when it carries the bearer token of a role the
 * endpoint allows. Tokens are compared in constant time.
 */
final class AccessGuard {

    private final boolean trustLocalhost;
    private final Map<Role, byte[]> tokens = new EnumMap<>(Role.class);

    AccessGuard(KioskConfig.Http http) {
        this.trustLocalhost = Boolean.TRUE.equals(http.trustLocalhost());
        KioskConfig.Tokens t = http.tokens();
        if (t != null) {
            put(Role.ROBOT, t.robot());
            put(Role.COUNTER, t.counter());
            put(Role.TECH, t.tech());
            put(Role.MANAGER, t.manager());
        }
    }

    private void put(Role role, String token) {
        if (token != null && !token.isEmpty()) {
            tokens.put(role, token.getBytes(StandardCharsets.UTF_8));
        }
    }

    void check(Context ctx) {
        Set<RouteRole> allowed = ctx.routeRoles();
        if (allowed.isEmpty() || (trustLocalhost && isLocal(ctx))) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Problem(401, "unauthorized", "this endpoint needs 'Authorization: Bearer <token>' of one of the roles "
                    + allowed.stream().map(r -> r.toString().toLowerCase()).sorted().toList());
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        Role role = null;
        for (var e : tokens.entrySet()) {
            if (MessageDigest.isEqual(e.getValue(), given)) {
                role = e.getKey();
            }
        }
        if (role == null) {
            throw new Problem(401, "unauthorized", "the bearer token is not valid");
        }
        if (!allowed.contains(role)) {
            throw new Problem(403, "forbidden", "the " + role.name().toLowerCase() + " role may not call this endpoint");
        }
    }

    private static boolean isLocal(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
