package vn.kiosk.drinks;

/**
 * Where a pour is: POURING until the valve is closed and the last drops are counted, then DONE (the
 * requested volume), STOPPED (cup removed, tank low, shutdown: safe, not latched) or FAULT (no flow,
 * an overrun: latched until a technician resets the dispenser). The name is what clients see.
 */
public enum PourState {
    POURING, DONE, STOPPED, FAULT
}
