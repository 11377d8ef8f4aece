package vn.kiosk.hw.printer;

import java.util.ArrayList;
import java.util.List;

/** What to print, independent of the printer: lines of text, QR codes, blank space. */
public final class Receipt {

    public sealed interface Element permits Line, Qr, Feed { }

    /** @param size character size multiplier 1..8 (width and height) */
    public record Line(String text, EscPos.Justify align, int size, boolean bold) implements Element { }

    /** @param moduleDots dots per QR module */
    public record Qr(String data, int moduleDots) implements Element { }

    public record Feed(int lines) implements Element { }

    private final List<Element> elements = new ArrayList<>();

    public Receipt line(String text, EscPos.Justify align, int size, boolean bold) {
        elements.add(new Line(text, align, size, bold));
        return this;
    }

    public Receipt line(String text) {
        return line(text, EscPos.Justify.LEFT, 1, false);
    }

    public Receipt qr(String data, int moduleDots) {
        elements.add(new Qr(data, moduleDots));
        return this;
    }

    public Receipt feed(int lines) {
        elements.add(new Feed(lines));
        return this;
    }

    public List<Element> elements() {
        return List.copyOf(elements);
    }
}
