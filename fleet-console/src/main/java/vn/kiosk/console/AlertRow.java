package vn.kiosk.console;

import java.time.Instant;
import vn.kiosk.fleet.view.AlertKind;

/** An alert as stored: opened and resolved from the kiosk's state, acknowledged by a technician. */
public record AlertRow(long id, String site, String device, AlertKind kind, String detail, Instant openedAt,
                       Instant ackedAt, String ackedBy, Instant resolvedAt) { }
