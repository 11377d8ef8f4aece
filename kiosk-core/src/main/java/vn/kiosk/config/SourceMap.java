package vn.kiosk.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers where each configuration value came from (file and line, or an environment
 * variable), so that a problem can name the place a technician has to edit.
 * Keys are JSON pointers such as {@code /services/2/prefix}.
 */
final class SourceMap {

    private final Map<String, String> places = new HashMap<>();

    /** Records the line of every token the parser is about to read; call once per token. */
    void recordToken(JsonParser p, String fileLabel) {
        String pointer = p.getParsingContext().pathAsPointer().toString();
        places.putIfAbsent(pointer, fileLabel + " line " + p.currentTokenLocation().getLineNr());
    }

    void put(String pointer, String place) {
        places.put(pointer, place);
    }

    /** Forgets the places under a subtree that another file replaced whole (a list, say). */
    void forgetBelow(String pointer) {
        places.keySet().removeIf(k -> k.startsWith(pointer + "/"));
    }

    /** Later maps win: the user's file over the defaults, the environment over both. */
    void overlay(SourceMap other) {
        places.putAll(other.places);
    }

    /** The place of the value at {@code pointer}, or of its nearest parent that has one. */
    String placeOf(String pointer) {
        JsonPointer p = JsonPointer.compile(pointer.isEmpty() || pointer.startsWith("/") ? pointer : "/" + pointer);
        while (p != null) {
            String place = places.get(p.toString());
            if (place != null) {
                return place;
            }
            p = p.head();
        }
        return "";
    }
}
