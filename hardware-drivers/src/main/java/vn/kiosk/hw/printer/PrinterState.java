package vn.kiosk.hw.printer;

/** What staff and the fleet monitor see of a printer. */
public enum PrinterState {
    READY(true), PAPER_LOW(true), PAPER_OUT(false), COVER_OPEN(false), CUTTER_ERROR(false), OFFLINE(false), ERROR(false);

    private final boolean canPrint;

    PrinterState(boolean canPrint) {
        this.canPrint = canPrint;
    }

    public boolean canPrint() {
        return canPrint;
    }
}
