package vn.kiosk.queue;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A ticket as reports read it: where it was issued and where it ended (a transfer moves it), when it
 * arrived, was first called (the end of the citizen's wait), started being served at its last
 * service, and finished, and by which counter. Tickets hold no personal data.
 */
public record TicketRecord(LocalDate businessDay, String number, String issuedServiceId, String serviceId, String priority,
                           Channel channel, TicketStatus status, Instant issuedAt, Instant firstCalledAt,
                           Instant serviceStartedAt, Instant finishedAt, String counterId) { }
