package vn.kiosk.drinks;

/** The answer to a reset: the fault code cleared (null when none was latched) and the dispenser now. */
public record DispenserReset(String cleared, DispenserDetails dispenser) { }
