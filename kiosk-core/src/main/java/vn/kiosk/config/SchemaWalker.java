package vn.kiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the merged configuration tree against what KioskConfig's record components say a valid
 * value is ({@link Range}, {@link Matches}, {@link Is}), walking the tree and the
 * record types side by side: the types give each key's name, shape and constraints, the tree its
 * value and, through its JSON pointer, its file and line. Runs only on a tree Jackson could bind,
 * and reads each value as Jackson bound it (a quoted number is a number).
 */
final class SchemaWalker {

    enum Shape { TEXT, NUMBER, FLAG, RECORD, LIST, MAP }

    /**
     * One record component and its constraints, copied out of the annotations (a call on an
     * annotation goes through a proxy). {@code hint} is that of the range, pattern or check.
     */
    record Component(String name, Shape shape, Shape elementShape, Class<?> recordType, boolean ranged, int min, int max,
                     Pattern pattern, String unique, Check check, String hint, boolean optional, String rule) { }

    /**
     * Each record type's components, read once per JVM: reflection and, above all, the first
     * reading of each annotation type are start-up time (3-4 ms a type on a PC; so there are three).
     */
    private static final ClassValue<List<Component>> SCHEMAS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return components(type);
        }
    };

    private final ConfigValidator report;
    private final ObjectMapper mapper;

    /** @param mapper converts what is not already a JSON text, number or boolean, as the binding did */
    SchemaWalker(ConfigValidator report, ObjectMapper mapper) {
        this.report = report;
        this.mapper = mapper;
    }

    void walk(ObjectNode root) {
        walkRecord(new ConfigNode(this, null, KioskConfig.class, root, "", ""), null);
    }

    static List<Component> schema(Class<?> recordType) {
        return SCHEMAS.get(recordType);
    }

    ConfigValidator report() {
        return report;
    }

    /** @param seen per component, the values earlier records of the same list had (for unique ones) */
    private void walkRecord(ConfigNode record, Map<String, Set<Object>> seen) {
        for (Component c : schema(record.type())) {
            visit(record, c, seen);
        }
        ConfigRules.checkRecord(record);
    }

    private void visit(ConfigNode record, Component c, Map<String, Set<Object>> seen) {
        Object value = value(c, record.json().get(c.name()));
        if (value == null || c.optional() && value instanceof String s && s.isBlank()) {
            if (c.optional() && c.check() == Check.CROSS_CHECKED) {
                ConfigRules.checkComponent(record, c);
            } else if (value == null && !c.optional() && c.check() != Check.FREE_FORM) {
                report.missing(record.pointerOf(c.name()));
            }
            return;
        }
        if (!passes(c, value, null)) {
            passes(c, value, record.pointerOf(c.name())); // the pointer is made only for a problem
            return;
        }
        if (!c.unique().isEmpty() && seen != null && !seenBefore(seen, c.name()).add(value)) {
            report.bad(record.pointerOf(c.name()), value, c.unique());
        }
        if (c.check() == Check.CROSS_CHECKED) {
            ConfigRules.checkComponent(record, c);
        }
        switch (c.shape()) {
            case RECORD -> walkRecord(new ConfigNode(this, record, c.recordType(), (ObjectNode) value,
                    record.pointerOf(c.name()), c.name()), null);
            case LIST -> walkList(record, c, (JsonNode) value, record.pointerOf(c.name()));
            case MAP -> walkMap(record, c, (JsonNode) value, record.pointerOf(c.name()));
            default -> { }
        }
    }

    private static Set<Object> seenBefore(Map<String, Set<Object>> seen, String component) {
        Set<Object> values = seen.get(component);
        if (values == null) {
            values = new HashSet<>();
            seen.put(component, values);
        }
        return values;
    }

    private void walkMap(ConfigNode record, Component c, JsonNode map, String at) {
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            String entry = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
            if (e.getValue() instanceof ObjectNode o) {
                walkRecord(new ConfigNode(this, record, c.recordType(), o, entry, e.getKey()), null);
            } else {
                report.missing(entry);
            }
        }
    }

    private void walkList(ConfigNode record, Component c, JsonNode list, String at) {
        Map<String, Set<Object>> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String element = at + "/" + i;
            if (c.elementShape() == Shape.RECORD) {
                if (list.get(i) instanceof ObjectNode o) {
                    walkRecord(new ConfigNode(this, record, c.recordType(), o, element, String.valueOf(i)), seen);
                } else {
                    report.missing(element);
                }
            } else if (c.ranged() || c.pattern() != null) {
                Object value = read(c.elementShape(), list.get(i));
                if (value == null) {
                    report.badUnlessReported(element, null, c.hint());
                } else {
                    passes(c, value, element);
                }
            }
        }
    }

    /** Whether a present value meets its component's own constraints; reports at {@code at} when it does not, unless null. */
    boolean passes(Component c, Object value, String at) {
        boolean tell = at != null;
        if (value instanceof Integer n && c.ranged() && (n < c.min() || n > c.max())) {
            if (tell) {
                report.bad(at, n, c.hint());
            }
            return false;
        }
        if (value instanceof String text && c.pattern() != null && !c.pattern().matcher(text).matches()) {
            if (tell) {
                report.bad(at, text, c.hint());
            }
            return false;
        }
        if (value instanceof String text && c.check() != null) {
            String problem = c.check().problem(text, c.name(), c.hint());
            if (problem != null) {
                if (tell) {
                    report.problem(at, "\"" + c.check().shown(text) + "\"", problem);
                }
                return false;
            }
        }
        if (c.check() == Check.NOT_EMPTY && ((JsonNode) value).isEmpty()) {
            if (tell) {
                report.note(at, "[]", c.hint());
            }
            return false;
        }
        return true;
    }

    /** The component's value in {@code node} as the record holds it, or null when absent (a blank TEXT is). */
    Object value(Component c, JsonNode node) {
        Object value = read(c.shape(), node);
        return c.check() == Check.TEXT && value instanceof String s && s.isBlank() ? null : value;
    }

    /** A text, number or boolean as Jackson bound it, or the JSON node of a record, list or map. */
    Object read(Shape shape, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return switch (shape) {
            case TEXT -> node.isTextual() ? node.textValue() : convert(node, String.class);
            case NUMBER -> node.isInt() ? (Object) node.intValue() : convert(node, Integer.class);
            case FLAG -> node.isBoolean() ? (Object) node.booleanValue() : convert(node, Boolean.class);
            case RECORD, MAP -> node.isObject() ? node : null;
            case LIST -> node.isArray() ? node : null;
        };
    }

    /** A quoted number, a number for a text and the like: Jackson's own coercion, so the values agree. */
    private Object convert(JsonNode node, Class<?> type) {
        if (node.isContainerNode()) {
            return null;
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return null; // the binding has reported it
        }
    }

    private static List<Component> components(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        List<Component> components = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Class<?> raw = rc.getType();
            Shape shape = shapeOf(raw);
            Class<?> element = switch (shape) {
                case LIST -> typeArgument(rc, 0);
                case MAP -> typeArgument(rc, 1);
                default -> raw;
            };
            Shape elementShape = shape == Shape.LIST || shape == Shape.MAP ? shapeOf(element) : shape;
            Range range = rc.getAnnotation(Range.class);
            Matches matches = rc.getAnnotation(Matches.class);
            Is is = rc.getAnnotation(Is.class);
            if ((range != null ? 1 : 0) + (matches != null ? 1 : 0) + (is != null ? 1 : 0) > 1) {
                throw new IllegalStateException(type.getSimpleName() + "." + rc.getName() + ": one of @Range, @Matches, @Is");
            }
            String hint = range != null ? range.hint() : matches != null ? matches.hint() : is != null ? is.hint() : "";
            boolean optional = range != null ? range.optional() : matches != null ? matches.optional() : is != null && is.optional();
            Component c = new Component(rc.getName(), shape, elementShape, element.isRecord() ? element : null,
                    range != null, range != null ? range.min() : 0, range != null ? range.max() : 0,
                    matches == null ? null : Pattern.compile(matches.regex()), matches == null ? "" : matches.unique(),
                    is == null ? null : is.value(), hint, optional, type.getSimpleName() + "." + rc.getName());
            checkFits(type, c);
            components.add(c);
        }
        return List.copyOf(components);
    }

    /** A constraint on a value it cannot apply to is a mistake in KioskConfig: say so at once. */
    private static void checkFits(Class<?> type, Component c) {
        String where = type.getSimpleName() + "." + c.name();
        if (c.ranged() && c.elementShape() != Shape.NUMBER) {
            throw new IllegalStateException("@Range on " + where + ", which is not a number or list of numbers");
        }
        if (c.pattern() != null && c.elementShape() != Shape.TEXT) {
            throw new IllegalStateException("@Matches on " + where + ", which is not a text or list of texts");
        }
        if (c.check() == null) {
            return;
        }
        boolean fits = switch (c.check()) {
            case REQUIRED, FREE_FORM, CROSS_CHECKED -> true;
            case NOT_EMPTY -> c.shape() == Shape.LIST;
            default -> c.shape() == Shape.TEXT;
        };
        if (!fits) {
            throw new IllegalStateException("@Is(" + c.check() + ") on " + where + ", a " + c.shape());
        }
        if (c.check() == Check.CROSS_CHECKED && !ConfigRules.hasRule(c.rule())) {
            throw new IllegalStateException(where + " is CROSS_CHECKED but ConfigRules has no rule for it");
        }
    }

    private static Shape shapeOf(Class<?> type) {
        if (type == String.class) {
            return Shape.TEXT;
        }
        if (type == Integer.class) {
            return Shape.NUMBER;
        }
        if (type == Boolean.class) {
            return Shape.FLAG;
        }
        if (type.isRecord()) {
            return Shape.RECORD;
        }
        if (type == List.class) {
            return Shape.LIST;
        }
        if (type == Map.class) {
            return Shape.MAP;
        }
        throw new IllegalStateException("a configuration value of type " + type.getName()
                + ": use String, Integer, Boolean, a record, List or Map<String, …>");
    }

    private static Class<?> typeArgument(RecordComponent rc, int index) {
        Type t = rc.getGenericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
        if (!(t instanceof Class<?> c)) {
            throw new IllegalStateException(rc + ": a list or map of plain types");
        }
        return c;
    }
}
