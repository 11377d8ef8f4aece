package vn.kiosk.hw.printer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A network printer on its raw port ({@code tcp://host:9100}). */
final class TcpTransport extends StreamTransport {

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private Socket socket;

    TcpTransport(String host, int port, int connectTimeoutMillis, long writeTimeoutMillis) {
        super(writeTimeoutMillis);
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    protected void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
        } catch (IOException e) {
            s.close();
            throw new IOException(describe() + ": " + e.getMessage(), e);
        }
        socket = s;
        streams(s.getInputStream(), s.getOutputStream());
    }

    @Override
    protected void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
            socket = null;
        }
    }

    @Override
    public String describe() {
        return "network printer " + host + ":" + port;
    }
}
