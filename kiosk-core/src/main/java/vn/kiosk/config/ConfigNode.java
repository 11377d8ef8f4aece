package vn.kiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One record of the configuration as {@link ConfigRules} see it: its components by name, read as
 * the record declares them, and problems reported at a component (its file and line follow).
 * Asking for a name the record does not have is a mistake in the rules and throws.
 */
final class ConfigNode {

    private final SchemaWalker walker;
    private final ConfigNode parent;
    private final Class<?> type;
    private final ObjectNode json;
    private final String pointer;
    private final String name;

    ConfigNode(SchemaWalker walker, ConfigNode parent, Class<?> type, ObjectNode json, String pointer, String name) {
        this.walker = walker;
        this.parent = parent;
        this.type = type;
        this.json = json;
        this.pointer = pointer;
        this.name = name;
    }

    Class<?> type() {
        return type;
    }

    ObjectNode json() {
        return json;
    }

    /** The component, list index or map key this record is under in its parent. */
    String name() {
        return name;
    }

    ConfigNode parent() {
        return parent;
    }

    ConfigNode root() {
        return parent == null ? this : parent.root();
    }

    /** The record's component names in declaration order. */
    List<String> componentNames() {
        List<String> names = new ArrayList<>();
        for (SchemaWalker.Component c : SchemaWalker.schema(type)) {
            names.add(c.name());
        }
        return names;
    }

    String text(String component) {
        return (String) walker.read(SchemaWalker.Shape.TEXT, raw(component, SchemaWalker.Shape.TEXT));
    }

    Integer number(String component) {
        return (Integer) walker.read(SchemaWalker.Shape.NUMBER, raw(component, SchemaWalker.Shape.NUMBER));
    }

    Boolean flag(String component) {
        return (Boolean) walker.read(SchemaWalker.Shape.FLAG, raw(component, SchemaWalker.Shape.FLAG));
    }

    /** Present and meeting its own constraints (a range, a pattern, a check), whatever else holds. */
    boolean ok(String component) {
        SchemaWalker.Component c = component(component);
        Object value = walker.value(c, json.get(component));
        return value != null && walker.passes(c, value, null);
    }

    /** The least value the component's {@link Range} allows. */
    int min(String component) {
        return component(component).min();
    }

    /** The greatest value the component's {@link Range} allows. */
    int max(String component) {
        return component(component).max();
    }

    /** A record-valued component, or null when it is absent. */
    ConfigNode child(String component) {
        return json.get(component) instanceof ObjectNode o && component(component).shape() == SchemaWalker.Shape.RECORD
                ? new ConfigNode(walker, this, component(component).recordType(), o, pointerOf(component), component)
                : null;
    }

    /** A list of records, null where an element is not one; null when the list is absent. */
    List<ConfigNode> items(String component) {
        JsonNode list = raw(component, SchemaWalker.Shape.LIST);
        if (list == null || !list.isArray()) {
            return null;
        }
        Class<?> elementType = component(component).recordType();
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            items.add(list.get(i) instanceof ObjectNode o
                    ? new ConfigNode(walker, this, elementType, o, pointerOf(component) + "/" + i, String.valueOf(i))
                    : null);
        }
        return items;
    }

    /** A list of texts (an element that is none: null); null when the list is absent. */
    List<String> texts(String component) {
        JsonNode list = raw(component, SchemaWalker.Shape.LIST);
        if (list == null || !list.isArray()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode e : list) {
            texts.add((String) walker.read(SchemaWalker.Shape.TEXT, e));
        }
        return texts;
    }

    /** A map's keys in file order; null when the map is absent. */
    Set<String> keys(String component) {
        JsonNode map = raw(component, SchemaWalker.Shape.MAP);
        if (map == null || !map.isObject()) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (var e : map.properties()) {
            keys.add(e.getKey());
        }
        return keys;
    }

    /** A bad value: text is shown in quotes, numbers as they are. */
    void bad(String component, Object value, String expected) {
        walker.report().bad(pointerOf(component), value, expected);
    }

    /** A bad element of a list. */
    void bad(String component, int index, Object value, String expected) {
        walker.report().bad(pointerOf(component) + "/" + index, value, expected);
    }

    /** A bad value described rather than shown (a secret, an empty list). */
    void note(String component, String description, String expected) {
        walker.report().note(pointerOf(component), description, expected);
    }

    void missing(String component) {
        walker.report().missing(pointerOf(component));
    }

    String pointerOf(String component) {
        return pointer + "/" + component;
    }

    private JsonNode raw(String component, SchemaWalker.Shape shape) {
        SchemaWalker.Shape actual = component(component).shape();
        if (actual != shape) {
            throw new IllegalArgumentException(type.getSimpleName() + "." + component + " is a " + actual + ", not a " + shape);
        }
        return json.get(component);
    }

    private SchemaWalker.Component component(String component) {
        for (SchemaWalker.Component c : SchemaWalker.schema(type)) {
            if (c.name().equals(component)) {
                return c;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no component " + component);
    }
}
