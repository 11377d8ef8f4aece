package vn.kiosk.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** The environment variables that override configuration keys (external checks rely on these names). */
final class EnvOverrides {

    static final String CONFIG_FILE = "KIOSK_CONFIG";

    /** Variable name → JSON pointer of the key it overrides. */
    static final Map<String, String> KEYS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("KIOSK_DATA_DIR", "/dataDir");
        m.put("KIOSK_HTTP_PORT", "/http/port");
        m.put("KIOSK_SITE", "/site/id");
        m.put("KIOSK_DEVICE", "/device/id");
        m.put("KIOSK_MQTT_URL", "/mqtt/url");
        m.put("KIOSK_QUEUE_STORE", "/queue/store");
        m.put("KIOSK_QUEUE_PASSWORD_FILE", "/queue/passwordFile");
        m.put("KIOSK_ISLAND_RANGE", "/queue/island/range");
        m.put("KIOSK_PRINTER_URL", "/devices/printer");
        m.put("KIOSK_SCANNER_URL", "/devices/scanner");
        m.put("KIOSK_DISPENSER_URL", "/devices/dispenser");
        KEYS = Map.copyOf(m);
    }

    private EnvOverrides() { }
}
