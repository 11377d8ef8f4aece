package vn.kiosk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/** Reads a JSON request body into a record, turning every kind of bad body into a clear 400. */
final class RequestBodies {

    private final ObjectMapper json;

    RequestBodies(ObjectMapper json) {
        this.json = json;
    }

    <T> T read(Context ctx, Class<T> type, boolean emptyAllowed) {
        String body = ctx.body();
        if (body.isBlank()) {
            if (emptyAllowed) {
                try {
                    return json.readValue("{}", type);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new ApiException(400, "bad_request", "the request needs a JSON body");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new ApiException(400, "bad_request", "the body must be a JSON object, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(400, "bad_request", "unknown field '" + e.getPropertyName() + "' at " + path(e)
                    + "; allowed: " + e.getKnownPropertyIds());
        } catch (MismatchedInputException e) {
            throw new ApiException(400, "bad_request", "wrong value at " + path(e) + ": expected " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw new ApiException(400, "bad_request", "wrong value at " + path(e) + ": " + brief(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ApiException(400, "bad_json", "the body is not valid JSON"
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")")
                    + ": " + brief(e.getOriginalMessage()));
        }
    }

    /** Jackson's messages carry source excerpts and class names that mean nothing to a caller. */
    private static String brief(String message) {
        return message.replaceAll("\\s*\\((start marker|through reference chain) .*$", "")
                .replaceAll("\\s*at \\[Source.*$", "")
                .replaceAll("`[\\w.$]+\\$(\\w+)`", "$1");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (type == String.class) {
            return "a text string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return p.isEmpty() ? "the top level" : "'" + p.substring(p.startsWith(".") ? 1 : 0) + "'";
    }
}
