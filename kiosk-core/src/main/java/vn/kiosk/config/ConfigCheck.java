package vn.kiosk.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Whether the configuration as it is on disk now would start the kiosk: a file edited since the
 * start is what a restart, a power cut or a technician's config.reload would run into.
 *
 * @param file null when the kiosk runs on its built-in defaults
 */
public record ConfigCheck(Path file, Map<String, String> env) {

    public ConfigCheck {
        env = Map.copyOf(env);
    }

    /** One line per problem; empty when the configuration is valid. */
    public List<String> problems() {
        try {
            new ConfigLoader().load(file, env);
            return List.of();
        } catch (InvalidConfigException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
    }

    public String describe() {
        return file == null ? "the built-in defaults" : file.toString();
    }
}
