package vn.kiosk.events;

/**
 * Something that happened in the kiosk, told to the features that subscribe to its type once the
 * change is committed. Each event is a record in the package of the feature it happened in
 * (queue.TicketChanged, devices.DeviceStateChanged, ...), so that a publisher needs only this
 * package and the graph stays acyclic; that is also why this interface cannot be sealed (a sealed
 * type's permitted subtypes must share its package on the class path, and its permits clause would
 * make this package depend on every feature that depends on it).
 */
public interface KioskEvent {
}
