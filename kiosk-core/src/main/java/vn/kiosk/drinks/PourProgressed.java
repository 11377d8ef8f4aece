package vn.kiosk.drinks;

import vn.kiosk.events.KioskEvent;

/** A pour started, poured on (every 250 ms) or ended: {@code pour} as callers see it at that moment. */
public record PourProgressed(Pour pour) implements KioskEvent {
}
