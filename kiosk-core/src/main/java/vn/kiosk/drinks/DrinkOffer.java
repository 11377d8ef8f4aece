package vn.kiosk.drinks;

/** What the touchscreen needs to offer a drink (GET /api/kiosk's {@code drinks}). */
public record DrinkOffer(int cupMl, int maxColdMl, int maxHotMl, boolean available, boolean cold, boolean hot,
                         boolean cupPresent) { }
