package vn.kiosk.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import vn.kiosk.problem.Problem;

/**
 * A command's {@code args} object, read with clear 400 errors that name the argument.
 *
 * @param requestKey the request's idempotency key, {@code mqtt/<role>/<request id>}: the '/' cannot occur
 *                   in an HTTP requestId, so keys from the two never meet
 */
public record Args(JsonNode node, String requestKey) {

    public String text(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw Problem.badRequest("bad_request", "args." + name + " is required");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw Problem.badRequest("bad_request", "args." + name + " must be a non-empty string");
        }
        return v.asText();
    }

    public String optionalText(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : text(name);
    }

    public boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isBoolean()) {
            throw Problem.badRequest("bad_request", "args." + name + " must be true or false");
        }
        return v.asBoolean();
    }

    /** The flag, or false when absent. */
    public boolean optionalBool(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull() && bool(name);
    }

    /** A whole number, or null when absent. */
    public Integer optionalInt(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw Problem.badRequest("bad_request", "args." + name + " must be a whole number");
        }
        return v.asInt();
    }

    public double number(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isNumber()) {
            throw Problem.badRequest("bad_request", "args." + name + " must be a number");
        }
        return v.asDouble();
    }

    public List<String> optionalTextList(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw Problem.badRequest("bad_request", "args." + name + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw Problem.badRequest("bad_request", "args." + name + " must be a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }
}
