package vn.kiosk.drinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.kiosk.drinks.PourInterlock.Decision;
import vn.kiosk.drinks.PourInterlock.Inputs;

/**
 * The interlock on its own, time driven by the test. Limits: 100 pulses asked, a 5-pulse overrun
 * margin, 300 ms without a pulse, a 3000 ms backstop. Times are nanoTime values, so every case also
 * runs with a start just before nanoTime wraps round.
 */
class PourInterlockTest {

    private static final long MS = 1_000_000L;
    private static final long TARGET = 100;
    private static final long MARGIN = 5;
    private static final long NO_FLOW = 300 * MS;
    private static final long MAX = 3000 * MS;
    private static final long[] STARTS = {0, 123_456_789, Long.MAX_VALUE - 1000 * MS, Long.MIN_VALUE + 7};

    private static PourInterlock interlock(long start) {
        return new PourInterlock(TARGET, MARGIN, NO_FLOW, start, MAX);
    }

    /** "300ms", "300ms+1", "300ms-1" (the suffix in nanoseconds), or a plain number of nanoseconds. */
    private static long nanos(String s) {
        int ms = s.indexOf("ms");
        if (ms < 0) {
            return Long.parseLong(s);
        }
        long base = Long.parseLong(s.substring(0, ms)) * MS;
        String rest = s.substring(ms + 2);
        return rest.isEmpty() ? base : base + Long.parseLong(rest.startsWith("+") ? rest.substring(1) : rest);
    }

    /** The decision table: every row is a reading at {@code sinceStart}, the last pulse {@code sinceLastPulse} before it. */
    @ParameterizedTest(name = "open={0} cup={1} low={2} poured={3} sinceLastPulse={4} sinceStart={5} -> {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # open | cup   | low   | poured | since last pulse | since start | decision
            true   | true  | false | 0      | 0                | 0           | CONTINUE
            true   | true  | false | 99     | 300ms            | 3000ms      | CONTINUE
            true   | true  | false | 0      | 300ms-1          | 300ms-1     | CONTINUE
            true   | true  | false | 0      | 300ms            | 300ms       | CONTINUE
            true   | true  | false | 0      | 300ms+1          | 300ms+1     | NO_FLOW
            true   | true  | false | 1      | 300ms            | 2000ms      | CONTINUE
            true   | true  | false | 1      | 300ms+1          | 2000ms      | FLOW_STOPPED
            true   | true  | false | 99     | 300ms+1          | 2000ms      | FLOW_STOPPED
            true   | true  | false | 99     | 0                | 3000ms-1    | CONTINUE
            true   | true  | false | 99     | 0                | 3000ms      | CONTINUE
            true   | true  | false | 99     | 0                | 3000ms+1    | TIME_OVERRUN
            true   | true  | false | 99     | 300ms+1          | 3000ms+1    | FLOW_STOPPED
            true   | true  | false | 0      | 3000ms+1         | 3000ms+1    | NO_FLOW
            true   | true  | false | 100    | 0                | 1000ms      | VOLUME_REACHED
            true   | true  | false | 100    | 300ms+1          | 3000ms+1    | VOLUME_REACHED
            true   | true  | false | 106    | 0                | 1000ms      | VOLUME_REACHED
            true   | true  | true  | 0      | 0                | 0           | LEVEL_LOW
            true   | true  | true  | 100    | 300ms+1          | 3000ms+1    | LEVEL_LOW
            true   | false | false | 0      | 0                | 0           | CUP_REMOVED
            true   | false | true  | 0      | 0                | 0           | CUP_REMOVED
            true   | false | true  | 100    | 300ms+1          | 3000ms+1    | CUP_REMOVED
            false  | true  | false | 105    | 0                | 1000ms      | CONTINUE
            false  | true  | false | 106    | 0                | 1000ms      | VOLUME_OVERRUN
            false  | false | true  | 0      | 3000ms+1         | 3000ms+1    | CONTINUE
            false  | false | true  | 105    | 3000ms+1         | 3000ms+1    | CONTINUE
            false  | false | true  | 1000   | 3000ms+1         | 3000ms+1    | VOLUME_OVERRUN
            """)
    void decisionTable(boolean open, boolean cup, boolean low, long poured, String sinceLastPulse, String sinceStart,
                       Decision expected) {
        for (long start : STARTS) {
            long now = start + nanos(sinceStart);
            Inputs in = new Inputs(open, cup, low, poured, now - nanos(sinceLastPulse), now);
            assertEquals(expected, interlock(start).decide(in), "start " + start + ": " + in);
        }
    }

    /**
     * The reasons in the order the old supervisor checked them: the first that holds wins. Written
     * as a list of conditions, not as the if-chain the class uses, and checked on every combination.
     */
    private record Rule(Decision decision, Predicate<Inputs> holds) { }

    private static List<Rule> rules(long start) {
        return List.of(
                new Rule(Decision.VOLUME_OVERRUN, in -> !in.valveOpen() && in.poured() > TARGET + MARGIN),
                new Rule(Decision.CUP_REMOVED, in -> in.valveOpen() && !in.cupPresent()),
                new Rule(Decision.LEVEL_LOW, in -> in.valveOpen() && in.levelLow()),
                new Rule(Decision.VOLUME_REACHED, in -> in.valveOpen() && in.poured() >= TARGET),
                new Rule(Decision.NO_FLOW, in -> in.valveOpen() && in.poured() == 0
                        && in.nowNanos() - in.lastPulseNanos() > NO_FLOW),
                new Rule(Decision.FLOW_STOPPED, in -> in.valveOpen() && in.poured() > 0
                        && in.nowNanos() - in.lastPulseNanos() > NO_FLOW),
                new Rule(Decision.TIME_OVERRUN, in -> in.valveOpen() && in.nowNanos() - start > MAX));
    }

    static Stream<Long> starts() {
        return LongStream.of(STARTS).boxed();
    }

    @ParameterizedTest(name = "start {0}")
    @MethodSource("starts")
    void everyCombinationGivesTheFirstReasonThatHolds(long start) {
        long[] pulses = {0, 1, TARGET - 1, TARGET, TARGET + 1, TARGET + MARGIN, TARGET + MARGIN + 1, 10 * TARGET};
        long[] sinceLastPulse = {0, NO_FLOW - 1, NO_FLOW, NO_FLOW + 1, MAX + 1};
        long[] sinceStart = {0, NO_FLOW + 1, MAX - 1, MAX, MAX + 1, 100 * MAX};
        Map<Decision, Integer> seen = new LinkedHashMap<>();
        int cases = 0;
        for (boolean open : new boolean[] {true, false}) {
            for (boolean cup : new boolean[] {true, false}) {
                for (boolean low : new boolean[] {true, false}) {
                    for (long poured : pulses) {
                        for (long sl : sinceLastPulse) {
                            for (long ss : sinceStart) {
                                long now = start + ss;
                                Inputs in = new Inputs(open, cup, low, poured, now - sl, now);
                                Decision expected = rules(start).stream().filter(r -> r.holds().test(in))
                                        .map(Rule::decision).findFirst().orElse(Decision.CONTINUE);
                                Decision got = interlock(start).decide(in);
                                assertEquals(expected, got, in.toString());
                                seen.merge(got, 1, Integer::sum);
                                cases++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(2 * 2 * 2 * pulses.length * sinceLastPulse.length * sinceStart.length, cases);
        List<Decision> pourDecisions = new ArrayList<>(List.of(Decision.values()));
        pourDecisions.remove(Decision.FLOW_WHILE_IDLE);
        assertEquals(Set.copyOf(pourDecisions), seen.keySet(), "every decision reached: " + seen);
    }

    @ParameterizedTest(name = "{0} idle pulses -> {1}")
    @CsvSource({"0, CONTINUE", "1, CONTINUE", "5, CONTINUE", "6, FLOW_WHILE_IDLE", "7, FLOW_WHILE_IDLE", "1000, FLOW_WHILE_IDLE"})
    void pulsesWithNoPourBeyondTheOverrunMarginAreALeak(long idlePulses, Decision expected) {
        assertEquals(expected, PourInterlock.whileIdle(idlePulses, MARGIN));
    }

    /** The outcome and reason each decision records: the words the API, the outbox and the latch have always used. */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "CONTINUE,        ,        ",
            "VOLUME_REACHED,  DONE,    volume_reached",
            "CUP_REMOVED,     STOPPED, cup_removed",
            "LEVEL_LOW,       STOPPED, level_low",
            "NO_FLOW,         FAULT,   no_flow",
            "FLOW_STOPPED,    FAULT,   flow_stopped",
            "TIME_OVERRUN,    FAULT,   time_overrun",
            "VOLUME_OVERRUN,  FAULT,   volume_overrun",
            "FLOW_WHILE_IDLE, FAULT,   flow_while_idle"})
    void eachDecisionRecordsItsOutcomeAndReason(Decision d, PourState outcome, String reason) {
        assertEquals(outcome, d.outcome());
        assertEquals(reason, d.reason());
        assertEquals(d != Decision.CONTINUE, d.stops());
    }

    @Test
    void theOutcomesArePourStates() {
        for (Decision d : Decision.values()) {
            if (d.stops()) {
                assertTrue(List.of(PourState.DONE, PourState.STOPPED, PourState.FAULT).contains(d.outcome()), d.toString());
            }
        }
    }

    @Test
    void limitsComeFromTheConfigurationAndTheCalibration() {
        // 50 ml at 450 pulses per litre: 22.5 -> 23 pulses; 10 ml margin -> 4.5 -> 5 pulses;
        // backstop 50 ml at 2000 ml/min = 1500 ms plus the 1500 ms no-flow allowance
        DrinkLimits limits = new DrinkLimits(180, 500, 200, 1500, 2000, 10, 450);
        PourInterlock i = PourInterlock.of(50, 450, limits, 42);
        assertEquals(new PourInterlock(23, 5, 1500 * MS, 42, 3000 * MS), i);
        assertEquals(1, PourInterlock.of(1, 450, new DrinkLimits(180, 500, 200, 300, 2000, 0, 450), 0).targetPulses(),
                "at least one pulse");
    }
}
