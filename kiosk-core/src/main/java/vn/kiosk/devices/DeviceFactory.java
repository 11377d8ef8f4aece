package vn.kiosk.devices;

import java.nio.file.Path;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.hw.DeviceUrl;
import vn.kiosk.hw.dispenser.Dispenser;
import vn.kiosk.hw.dispenser.DispenserWiring;
import vn.kiosk.hw.dispenser.Dispensers;
import vn.kiosk.hw.io.PinSpec;
import vn.kiosk.hw.printer.EscPosPrinter;
import vn.kiosk.hw.printer.PrinterProfile;
import vn.kiosk.hw.printer.Printers;
import vn.kiosk.hw.scanner.QrScanner;
import vn.kiosk.hw.scanner.Scanners;
import java.time.Clock;
import java.time.Duration;

/** Opens the driver a device URL names, with the configuration's settings (the schemes: DeviceKinds). */
public final class DeviceFactory {

    private DeviceFactory() { }

    /** The printer profile the configuration selects. */
    public static PrinterProfile printerProfile(KioskConfig config) {
        KioskConfig.Printing p = config.printing();
        KioskConfig.PrinterProfileConfig c = p.profiles().get(p.profile());
        return new PrinterProfile(p.profile(), c.paperWidthDots(), c.nativeQr(), c.codePage(),
                PrinterProfile.TextMode.parse(c.textMode()));
    }

    public static Path fontFile(KioskConfig config) {
        String font = config.printing().font();
        return font == null || font.isBlank() ? null : Path.of(font);
    }

    public static EscPosPrinter printer(DeviceUrl url, KioskConfig config) {
        return Printers.open(url, printerProfile(config), config.dataPath().resolve("printer"), fontFile(config));
    }

    public static QrScanner scanner(DeviceUrl url, KioskConfig config) {
        return Scanners.open(url, Duration.ofMillis(config.scanning().dedupeMillis()), config.scanning().maxLength(),
                Clock.systemUTC());
    }

    public static Dispenser dispenser(DeviceUrl url, KioskConfig config) {
        return Dispensers.open(url, wiring(config.dispenser()), Clock.systemUTC());
    }

    /** The dispenser's pins and thermometer as configured. */
    public static DispenserWiring wiring(KioskConfig.Dispensing d) {
        KioskConfig.Pins p = d.pins();
        String probe = d.temperatureFile() == null || d.temperatureFile().isBlank() ? null : d.temperatureFile();
        return new DispenserWiring(pin(p.coldValve()), pin(p.hotValve()), pin(p.flowMeter()), pin(p.cupSensor()),
                pin(p.coldLevelLow()), pin(p.hotLevelLow()), probe, Duration.ofSeconds(d.temperatureSeconds()));
    }

    private static PinSpec pin(KioskConfig.Pin pin) {
        if (pin.bcm() < 0) {
            return null;
        }
        int debounce = pin.debounceMillis() == null ? 0 : pin.debounceMillis();
        return new PinSpec(pin.bcm(), pin.activeHigh(), debounce * 1000L);
    }
}
