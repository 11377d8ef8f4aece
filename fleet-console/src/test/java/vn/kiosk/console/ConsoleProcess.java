package vn.kiosk.console;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;

/**
 * The console as it runs in production, in a JVM of its own: so that a test can kill it, and a
 * bench can measure it alone. Ready when its API answers the technician's token.
 */
public final class ConsoleProcess {

    private ConsoleProcess() { }

    /**
     * @param out        where its output and errors go
     * @param jvmOptions e.g. its heap
     */
    public static Process startReady(Path out, String broker, String db, int httpPort, String techToken,
                                     String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConsoleMain.class.getName(),
                "--broker", broker, "--db", db, "--http-port", Integer.toString(httpPort)));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("FLEET_TECH_TOKEN", techToken);
        Process p = pb.start();
        Api api = new Api(httpPort);
        Poll.until(Duration.ofSeconds(60), "the console to answer (output: " + out + ")", () -> {
            if (!p.isAlive()) {
                throw new AssertionError("the console exited with " + p.exitValue() + " (output: " + out + ")");
            }
            try {
                return api.get("/api/fleet/devices", techToken).status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
        return p;
    }
}
