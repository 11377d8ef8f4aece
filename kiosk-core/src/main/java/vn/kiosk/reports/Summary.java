package vn.kiosk.reports;

import java.util.List;
import java.util.Map;
import vn.kiosk.config.KioskConfig.Text;

/**
 * What GET /api/reports/summary (and the tech command report.summary) answers for the business
 * days from..to, inclusive. A ticket counts as {@code issued} and its wait (issued to first call)
 * under the service it was issued for; as {@code served} (completed), {@code noShow} and its service
 * time (first call at its last service to completion) under the service it ended in, after transfers.
 * Minutes are nearest-rank percentiles with one decimal, null where there is nothing to measure.
 */
public record Summary(String from, String to, Totals totals, List<ServiceFigures> services, List<CounterFigures> counters,
                      List<Long> arrivalsByHour, Map<String, Long> channels, Map<String, Long> priorities,
                      List<DayFigures> days, List<DrinkDay> drinks) {

    public record Minutes(Double p50, Double p90) { }

    /** The whole period; {@code noShowRate} is no-shows over tickets called at all (0 when none were). */
    public record Totals(long issued, long served, long noShow, double noShowRate, Minutes waitMinutes,
                         Minutes serviceMinutes) { }

    /** {@code prefix} (A, B, …) labels the charts' bars; null for a service no longer configured. */
    public record ServiceFigures(String serviceId, String prefix, Text name, long issued, long served, long noShow, Minutes waitMinutes,
                                 Minutes serviceMinutes) { }

    public record CounterFigures(String counterId, Text name, long served, Minutes serviceMinutes) { }

    /** One business day, for the daily trend. */
    public record DayFigures(String day, long issued, long served, long noShow, Double waitMinutesP50) { }

    /** Water poured at this kiosk on one business day (all kinds). */
    public record DrinkDay(String day, int cups, double litres) { }
}
