package vn.kiosk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's own answers (bad path, URI or headers too long, body too large or too slow) in the
 * API's JSON error body instead of Jetty's HTML page: a robot parses one shape of error.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorHandler.class);

    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        if (status >= 500) {
            log.warn("{} on {} {}: {}", status, request.getMethod(), request.getHttpURI().getPath(),
                    cause == null ? message : cause.toString());
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        String where = status == 400 && !"BAD".equals(request.getMethod()) ? " (" + request.getMethod() + " " + shorten(request.getHttpURI().getPath()) + ")" : "";
        response.write(true, ByteBuffer.wrap(body(status, message, where)), callback);
    }

    /** Errors found while parsing the request line and headers, before there is a request to answer. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason, ""));
    }

    private static String shorten(String path) {
        return path == null ? "" : path.length() > 100 ? path.substring(0, 100) + "…" : path;
    }

    private byte[] body(int status, String reason, String where) {
        try {
            return json.writeValueAsBytes(ErrorBody.of(code(status), message(status, reason) + where));
        } catch (JsonProcessingException e) {
            return "{\"error\":{\"code\":\"internal\",\"message\":\"error\"}}".getBytes(StandardCharsets.UTF_8);
        }
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 500 -> "internal";
            case 503 -> "unavailable";
            default -> "http_" + status;
        };
    }

    private static String message(int status, String reason) {
        return switch (status) {
            case 400 -> safe(reason) ? "the request is malformed: " + reason
                    : "the request line or headers are malformed (e.g. %00, a bad %-escape or invalid UTF-8 in the path)";
            case 408 -> "the request did not arrive in time; send the whole request at once";
            case 413 -> "the request body is too large (at most " + HttpApi.MAX_BODY_BYTES / 1024 + " KB)";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            case 500 -> "unexpected error; the kiosk log has the details";
            default -> HttpStatus.getMessage(status);
        };
    }

    /** Jetty's reasons are short phrases ("Ambiguous URI path encoding"); nothing naming a class or the input. */
    private static boolean safe(String reason) {
        return reason != null && reason.length() <= 100 && reason.matches("[A-Za-z0-9 :,'()%/_-]+")
                && !reason.equalsIgnoreCase("Bad Request");
    }
}
