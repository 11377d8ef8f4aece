package vn.kiosk.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.problem.Problem;

/** Reads a JSON request body into a record, turning every kind of bad body into a clear 400. */
final class RequestBodies {

    private static final Logger log = LoggerFactory.getLogger(RequestBodies.class);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private final ObjectMapper json;

    RequestBodies(ObjectMapper shared) {
        this.json = strict(shared);
    }

    /**
     * The kiosk's mapper, but a request gets exactly the types it declares: no 12 for a text, no
     * 1.5 or "150" for a whole number, no key twice. A copy, so configuration and MQTT keep theirs.
     */
    static ObjectMapper strict(ObjectMapper shared) {
        ObjectMapper m = shared.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return m;
    }

    <T> T read(Context ctx, Class<T> type, boolean emptyAllowed) {
        String body = body(ctx);
        if (body.isBlank()) {
            if (emptyAllowed) {
                try {
                    return json.readValue("{}", type);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new Problem(400, "bad_request", "the request needs a JSON body");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new Problem(400, "bad_request", "the body must be a JSON object, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new Problem(400, "bad_request", "unknown field '" + e.getPropertyName() + "' at " + path(e)
                    + "; allowed: " + e.getKnownPropertyIds());
        } catch (MismatchedInputException e) {
            throw new Problem(400, "bad_request", "wrong value at " + path(e) + ": expected " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw new Problem(400, "bad_request", "wrong value at " + path(e) + ": " + brief(e.getOriginalMessage()));
        } catch (StreamReadException e) {
            Matcher dup = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (dup.find()) {
                throw new Problem(400, "bad_request", "'" + dup.group(1) + "' appears more than once in the body");
            }
            throw badJson(e);
        } catch (JsonProcessingException e) {
            throw badJson(e);
        }
    }

    /**
     * The body as it arrived. A client that hangs up mid-body or breaks the chunked encoding is
     * a client mistake: a 400 and one log line, not a 500 with a stack trace per request.
     */
    private static String body(Context ctx) {
        try {
            return ctx.body();
        } catch (HttpResponseException e) {
            throw e; // too large: Javalin's own 413
        } catch (RuntimeException e) {
            throw unreadable(ctx, e);
        } catch (Exception e) { // Javalin (Kotlin) rethrows the servlet's IOException unchecked
            throw unreadable(ctx, e);
        }
    }

    private static Problem unreadable(Context ctx, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof TimeoutException) {
                break;
            }
            root = root.getCause();
        }
        log.info("unreadable request body on {} {}: {}", ctx.method(), ctx.path(), root.toString().replaceAll("\\s+", " "));
        if (root instanceof TimeoutException) {
            return new Problem(408, "request_timeout", "the request body did not arrive in time; send it at once");
        }
        String why = root.getMessage() == null || root.getMessage().matches("(?s).*\\b(org|java|vn)\\..*")
                ? root.getClass().getSimpleName() : root.getMessage();
        return new Problem(400, "bad_body", "the request body is incomplete or its encoding is broken (" + why + ")");
    }

    private static Problem badJson(JsonProcessingException e) {
        var loc = e.getLocation();
        return new Problem(400, "bad_json", "the body is not valid JSON"
                + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")")
                + ": " + brief(e.getOriginalMessage()));
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
        if (type == Integer.class || type == Long.class || type == Short.class || type == int.class || type == long.class
                || type == short.class) {
            return "a whole number";
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
