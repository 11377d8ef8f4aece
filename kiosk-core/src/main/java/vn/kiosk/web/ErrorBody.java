package vn.kiosk.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.util.Map;

/**
 * The shape of every error answer: {"error": {"code": "...", "message": "...", ...}}; a few
 * errors add what a caller can act on, such as the limit that was exceeded ({@code limitMl}).
 */
record ErrorBody(Detail error) {

    record Detail(String code, String message, @JsonAnyGetter Map<String, Object> details) { }

    static ErrorBody of(String code, String message) {
        return of(code, message, Map.of());
    }

    static ErrorBody of(String code, String message, Map<String, Object> details) {
        return new ErrorBody(new Detail(code, message, details));
    }
}
