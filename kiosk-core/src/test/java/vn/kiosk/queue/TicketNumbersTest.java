package vn.kiosk.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TicketNumbersTest {

    @Test
    void padsToTheWidthOfTheRange() {
        assertEquals("A001", TicketNumbers.format("A", 1, 999, 1));
        assertEquals("A012", TicketNumbers.format("A", 1, 999, 12));
        assertEquals("B05", TicketNumbers.format("B", 1, 99, 5));
        assertEquals("C501", TicketNumbers.format("C", 500, 599, 2));
    }

    @Test
    void widensInsteadOfWrappingWhenTheRangeIsUsedUp() {
        assertEquals("A999", TicketNumbers.format("A", 1, 999, 999));
        assertEquals("A1000", TicketNumbers.format("A", 1, 999, 1000));
        assertEquals("B100", TicketNumbers.format("B", 1, 99, 100));
    }
}
