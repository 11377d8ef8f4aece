package vn.kiosk.console;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code kiosk fleet --broker URL --db postgresql://… [--http-port 8090] [--bind ADDR]}: runs until stopped. */
public final class ConsoleMain {

    private ConsoleMain() { }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("kiosk fleet: expected --option value pairs, got '" + args[i] + "'");
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        ConsoleOptions o;
        try {
            o = ConsoleOptions.parse(options, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("kiosk fleet: " + e.getMessage());
            System.exit(2);
            return;
        }
        Console console = Console.start(o, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.close();
            stopped.countDown();
        }, "console-stop"));
        stopped.await();
    }
}
