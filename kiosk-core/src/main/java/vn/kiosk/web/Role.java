package vn.kiosk.web;

import io.javalin.security.RouteRole;

/** Who may call an endpoint from the LAN; each role has its own bearer token. */
public enum Role implements RouteRole {
    ROBOT, COUNTER, TECH, MANAGER
}
