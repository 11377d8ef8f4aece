package vn.kiosk.fleet.view;

/** One alert about a kiosk now: its kind and the words a technician reads. */
public record Alert(AlertKind kind, String text) { }
