package vn.kiosk.hw.printer;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/**
 * A printer on a serial port (USB-serial adapters, the Pi's UART) through jSerialComm:
 * {@code serial:/dev/ttyUSB0?baud=115200&flow=rtscts|xonxoff|none}. Flow control keeps the
 * printer's small receive buffer from overflowing (bytes silently dropped otherwise).
 */
final class SerialTransport extends StreamTransport {

    private final String path;
    private final int baud;
    private final String flow;
    private SerialPort port;

    SerialTransport(String path, int baud, String flow, long writeTimeoutMillis) {
        super(writeTimeoutMillis);
        this.path = path;
        this.baud = baud;
        this.flow = flow;
    }

    @Override
    protected void connect() throws IOException {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (RuntimeException e) { // jSerialComm's way of saying the device is not there
            throw new IOException("cannot open the port (" + path + " does not exist: unplugged?)", e);
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(switch (flow) {
            case "rtscts" -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case "xonxoff" -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
            default -> SerialPort.FLOW_CONTROL_DISABLED;
        });
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 0);
        if (!p.openPort()) {
            throw new IOException("cannot open the port (error " + p.getLastErrorCode()
                    + "; is it plugged in, and is the kiosk user in group dialout?)");
        }
        port = p;
        streams(p.getInputStream(), p.getOutputStream());
    }

    @Override
    protected void disconnect() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    @Override
    public int bytesPerSecond() {
        return baud / 10; // 8N1: ten bits a byte
    }

    @Override
    public String describe() {
        return "serial printer " + path + " at " + baud + " baud";
    }
}
