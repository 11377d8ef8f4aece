/**
 * What a kiosk publishes to its fleet and other programs read: the retained status, the telemetry,
 * the event envelope and the data of the events the fleet monitor acts on. One record per message,
 * written by the kiosk and read by {@code kiosk monitor} with the same definition; their component
 * names are the JSON field names (pinned by WireContractTest). This package uses no other kiosk
 * package, so anything may depend on it. Read other kiosks' messages with {@link FleetMessages#reader()}:
 * an older or newer kiosk may send fields this one does not know.
 */
package vn.kiosk.fleet.messages;
