package vn.kiosk.hw.dispenser;

import java.util.Locale;

/** Which water: each tap has its own valve (or pump) and its own tank level switch. */
public enum Tap {
    COLD, HOT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "cold" or "hot"; null for anything else. */
    public static Tap parse(String s) {
        for (Tap t : values()) {
            if (t.id().equals(s)) {
                return t;
            }
        }
        return null;
    }
}
