package vn.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.devices.DeviceFactory;
import vn.kiosk.drinks.DrinkService;
import vn.kiosk.drinks.Pour;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.hw.dispenser.SimulatedDispenser;
import vn.kiosk.hw.dispenser.Tap;
import vn.kiosk.json.Json;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.queue.BusinessDay;
import vn.kiosk.queue.Channel;
import vn.kiosk.storage.Database;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.TestConfigs;

/**
 * Benchmark (not a test): how fast the interlocks close a valve on the simulated dispenser
 * (Pi4J mock platform), and how close a pour comes to the requested volume at several flow rates.
 */
public final class DispenserBench {

    private static Database db;
    private static KioskConfig config;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kiosk-dispenser");
        config = TestConfigs.load(dir, "dispenser: { noFlowMillis: 300 }\n");
        db = Database.open(dir.resolve("kiosk.db"));
        try {
            cupRemoval();
            noFlowLateness();
            accuracy();
        } finally {
            db.close();
        }
    }

    private interface Run {
        void with(SimulatedDispenser sim, DrinkService drinks) throws Exception;
    }

    private static void withDispenser(double flow, Run run) throws Exception {
        try (SimulatedDispenser sim = new SimulatedDispenser(DeviceFactory.wiring(config.dispenser()), flow, 450, 90.0);
             DrinkService drinks = new DrinkService(sim, db, new Outbox(Json.newMapper()), new KioskEvents(), Json.newMapper(),
                     Clock.systemUTC(), new BusinessDay(config.zone(), config.businessDayStart()), config.dispenser(),
                     () -> false)) {
            run.with(sim, drinks);
        }
    }

    private static Pour finished(DrinkService drinks, String id) {
        Poll.until(Duration.ofSeconds(60), "pour finished", () -> drinks.pour(id).orElseThrow().finished());
        return drinks.pour(id).orElseThrow();
    }

    private static void cupRemoval() throws Exception {
        List<Double> micros = new ArrayList<>();
        withDispenser(6000, (sim, drinks) -> {
            for (int i = 0; i < 50; i++) {
                sim.resetDelivered();
                Pour p = drinks.start("cold", 300, false, Channel.ROBOT);
                while (sim.deliveredMl() < 10) {
                    Thread.onSpinWait();
                }
                long t0 = System.nanoTime();
                sim.removeCup();
                while (sim.valveOpen(Tap.COLD)) {
                    Thread.onSpinWait();
                }
                micros.add((System.nanoTime() - t0) / 1000.0);
                finished(drinks, p.id());
                sim.placeCup();
            }
        });
        Collections.sort(micros);
        System.out.printf("cup removed -> valve closed: p50 %.0f us, max %.0f us (50 pours)%n",
                micros.get(micros.size() / 2), micros.get(micros.size() - 1));
    }

    private static void noFlowLateness() throws Exception {
        List<Double> late = new ArrayList<>();
        withDispenser(0, (sim, drinks) -> {
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                Pour p = drinks.start("cold", 100, false, Channel.ROBOT);
                while (sim.valveOpen(Tap.COLD)) {
                    Thread.onSpinWait();
                }
                late.add((System.nanoTime() - t0) / 1e6 - 300);
                finished(drinks, p.id());
                drinks.reset("bench");
            }
        });
        Collections.sort(late);
        System.out.printf("no flow -> valve closed after the 300 ms limit: p50 +%.1f ms, max +%.1f ms (20 pours)%n",
                late.get(late.size() / 2), late.get(late.size() - 1));
    }

    private static void accuracy() throws Exception {
        for (double flow : new double[] {500, 1000, 1500, 3000, 6000}) {
            withDispenser(flow, (sim, drinks) -> {
                List<Double> errors = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    sim.resetDelivered();
                    finished(drinks, drinks.start("cold", 100, false, Channel.ROBOT).id());
                    errors.add((sim.deliveredMl() - 100) / 100 * 100);
                }
                System.out.printf("%5.0f ml/min: 100 ml asked, poured %+.2f / %+.2f / %+.2f %%%n", flow,
                        errors.get(0), errors.get(1), errors.get(2));
            });
        }
    }
}
