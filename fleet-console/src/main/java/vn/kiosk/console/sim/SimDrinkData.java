package vn.kiosk.console.sim;

/**
 * The data of the drink events a simulated kiosk sends, field for field what the real kiosk's
 * {@code vn.kiosk.drinks.DispenserEventData} writes (kiosk-core is not a dependency of the console).
 */
sealed interface SimDrinkData {

    /** {@code drink.dispensed}: {@code result} is the pour's final state (DONE), {@code channel} lower case. */
    record Dispensed(String pourId, String kind, int requestedMl, int measuredMl, String result, String reason,
                     String channel) implements SimDrinkData { }
}
