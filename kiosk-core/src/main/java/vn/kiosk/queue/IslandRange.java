package vn.kiosk.queue;

/**
 * The numbers a kiosk of a site hands out on its own while the site's server is away
 * ({@code queue.island.range}, e.g. 800-899, the same for each of its services: A800, B800, ...).
 * Each kiosk of a site has its own; the site's numbering skips them all.
 */
public record IslandRange(int first, int last) {

    public IslandRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("expected FIRST-LAST with 0 <= FIRST <= LAST");
        }
    }

    /** Parses "800-899"; null or blank gives null (this kiosk hands out no number without its site). */
    public static IslandRange parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.strip().split("-");
        if (parts.length != 2 || !parts[0].strip().matches("\\d{1,6}") || !parts[1].strip().matches("\\d{1,6}")) {
            throw new IllegalArgumentException("expected FIRST-LAST, e.g. 800-899");
        }
        return new IslandRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    }

    public boolean contains(long value) {
        return value >= first && value <= last;
    }

    public boolean overlaps(IslandRange other) {
        return first <= other.last && other.first <= last;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
