package vn.kiosk.queue;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallPolicyTest {

    private final CallPolicy policy = new CallPolicy(3);
    private final Ticket priority = ticket("P", "elderly");
    private final Ticket regular = ticket("R", null);

    @Test
    void priorityGoesFirst() {
        assertSame(priority, policy.choose(priority, regular, List.of()));
        assertSame(priority, policy.choose(priority, regular, List.of(true, true, false)));
    }

    @Test
    void afterMaxPriorityInARowARegularTicketIsCalled() {
        assertSame(regular, policy.choose(priority, regular, List.of(true, true, true)));
    }

    @Test
    void aPriorityStreakDoesNotBlockWhenNoRegularWaits() {
        assertSame(priority, policy.choose(priority, null, List.of(true, true, true)));
    }

    @Test
    void nobodyWaiting() {
        assertNull(policy.choose(null, null, List.of()));
        assertSame(regular, policy.choose(null, regular, List.of(true, true, true)));
    }

    private static Ticket ticket(String number, String priority) {
        return Ticket.issued(number, LocalDate.of(2026, 11, 26), number, "s", priority, Channel.TOUCHSCREEN,
                Instant.EPOCH, PrintState.NONE);
    }
}
