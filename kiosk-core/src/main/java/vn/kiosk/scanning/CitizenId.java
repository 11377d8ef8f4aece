package vn.kiosk.scanning;

import java.time.LocalDate;
import java.time.Period;

/**
 * What a chip ID card's QR says. Personal data (Decree 13/2023): held in memory for one citizen's
 * session only, never logged, stored or published. {@link #toString()} masks it, so an accidental
 * log line shows nothing personal.
 */
public record CitizenId(String number, String oldNumber, String name, LocalDate birthDate, String gender,
                        String address, LocalDate issueDate) {

    /** First 3 and last 2 digits: 079*******34. */
    public String masked() {
        return mask(number);
    }

    public static String mask(String id) {
        if (id == null || id.length() < 6) {
            return "***";
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 5) + id.substring(id.length() - 2);
    }

    public int age(LocalDate today) {
        return Period.between(birthDate, today).getYears();
    }

    @Override
    public String toString() {
        return "CitizenId[" + masked() + "]";
    }
}
