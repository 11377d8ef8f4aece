package vn.kiosk.queue;

import java.util.List;
import vn.kiosk.config.KioskConfig.Text;

/**
 * The queue at a glance: per service, how many wait, the wait for a newcomer, who is being served;
 * {@code store} says where the queue is kept and, for a kiosk of a site, whether it is in island mode.
 */
public record QueueOverview(String businessDay, List<ServiceQueue> services, long waitingTotal, QueueStoreStatus store) {

    public record ServiceQueue(String serviceId, String prefix, Text name, long waiting, int estimatedWaitMinutes,
                               List<Serving> nowServing) { }

    public record Serving(String ticketId, String number, String counterId, String calledAt) { }

    QueueOverview withStore(QueueStoreStatus status) {
        return new QueueOverview(businessDay, services, waitingTotal, status);
    }
}
