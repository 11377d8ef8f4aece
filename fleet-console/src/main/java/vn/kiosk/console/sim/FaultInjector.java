package vn.kiosk.console.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Makes kiosks misbehave now and then, per a {@link FaultPlan}: called once a second, it gives each
 * running kiosk its chance of a paper fault (PAPER_LOW, then either refilled or PAPER_OUT and
 * refilled later) and of dropping off the network for a while.
 */
final class FaultInjector {

    private final FaultPlan plan;
    private final ScheduledExecutorService scheduler;
    private final SimStats stats;

    FaultInjector(FaultPlan plan, ScheduledExecutorService scheduler, SimStats stats) {
        this.plan = plan;
        this.scheduler = scheduler;
        this.stats = stats;
    }

    /** One second's chances for each of the kiosks running. */
    void tick(List<SimKiosk> running) {
        if (!plan.enabled()) {
            return;
        }
        RandomGenerator random = ThreadLocalRandom.current();
        double paper = plan.paperFaultsPerKioskHour() / 3600;
        double drop = plan.dropsPerKioskHour() / 3600;
        double water = plan.waterLowPerKioskHour() / 3600;
        for (SimKiosk k : running) {
            if (random.nextDouble() < paper && k.printerState().equals(SimDevices.READY)) {
                paperFault(k, random);
            }
            if (random.nextDouble() < drop) {
                k.dropFor(length(random));
            }
            if (random.nextDouble() < water && k.dispenserState().equals(SimDevices.READY)) {
                stats.waterLow.increment();
                k.dispenser(SimDevices.LEVEL_LOW, "cold tank low");
                later(() -> k.dispenser(SimDevices.READY, "tank refilled"), length(random));
            }
        }
    }

    private void paperFault(SimKiosk k, RandomGenerator random) {
        stats.paperFaults.increment();
        k.printer(SimDevices.PAPER_LOW, "paper near end");
        later(() -> {
            if (random().nextBoolean()) {
                k.printer(SimDevices.READY, "paper loaded"); // staff noticed in time
            } else {
                k.printer(SimDevices.PAPER_OUT, "paper out");
                later(() -> k.printer(SimDevices.READY, "paper loaded"), length(random()));
            }
        }, length(random));
    }

    private Duration length(RandomGenerator random) {
        long min = plan.minLength().toMillis();
        long max = plan.maxLength().toMillis();
        return Duration.ofMillis(max > min ? random.nextLong(min, max + 1) : min);
    }

    private void later(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the sim is stopping
        }
    }

    private static RandomGenerator random() {
        return ThreadLocalRandom.current(); // the thread a delayed step runs on, not the one that scheduled it
    }
}
