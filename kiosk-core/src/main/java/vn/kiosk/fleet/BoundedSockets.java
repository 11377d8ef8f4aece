package vn.kiosk.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets for Paho whose input goes through {@link BoundedPackets}. Paho connects an unconnected
 * socket from the factory and reads its input stream; for TLS it casts to SSLSocket, whose decrypted
 * input cannot be wrapped, so TLS is done here instead, over a socket Paho takes for plain TCP (the
 * client is given {@code tcp://} for an {@code ssl://} URL), with the broker's host name checked as
 * Paho itself checks it.
 */
final class BoundedSockets {

    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    private BoundedSockets() { }

    static SocketFactory plain(int maxPayload) {
        return new Factory() {
            @Override
            public Socket createSocket() {
                return new Socket() {
                    private InputStream bounded;

                    @Override
                    public synchronized InputStream getInputStream() throws IOException {
                        if (bounded == null) {
                            bounded = new BoundedPackets(super.getInputStream(), maxPayload);
                        }
                        return bounded;
                    }
                };
            }
        };
    }

    /** @param host the broker's host name as configured: the one its certificate must name */
    static SocketFactory tls(SSLSocketFactory tls, String host, int maxPayload) {
        return new Factory() {
            @Override
            public Socket createSocket() {
                return new TlsSocket(tls, host, maxPayload);
            }
        };
    }

    /** TLS over its own plain socket, connected and shaken hands in {@link #connect(SocketAddress, int)}. */
    private static final class TlsSocket extends Socket {
        private final SSLSocketFactory tls;
        private final String host;
        private final int maxPayload;
        private final Socket plain = new Socket();
        private SSLSocket ssl;
        private InputStream in;

        TlsSocket(SSLSocketFactory tls, String host, int maxPayload) {
            this.tls = tls;
            this.host = host;
            this.maxPayload = maxPayload;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            plain.connect(endpoint, timeout);
            plain.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            ssl = (SSLSocket) tls.createSocket(plain, host, ((InetSocketAddress) endpoint).getPort(), true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(p);
            ssl.setUseClientMode(true);
            ssl.startHandshake();
            in = new BoundedPackets(ssl.getInputStream(), maxPayload);
        }

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            connect(endpoint, 0);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            if (in == null) {
                throw new SocketException("not connected");
            }
            return in;
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            if (ssl == null) {
                throw new SocketException("not connected");
            }
            return ssl.getOutputStream();
        }

        @Override
        public void setSoTimeout(int timeout) throws SocketException {
            plain.setSoTimeout(timeout);
        }

        @Override
        public int getSoTimeout() throws SocketException {
            return plain.getSoTimeout();
        }

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            plain.setTcpNoDelay(on);
        }

        @Override
        public boolean isConnected() {
            return ssl != null && plain.isConnected();
        }

        @Override
        public boolean isClosed() {
            return plain.isClosed();
        }

        @Override
        public void close() throws IOException {
            if (ssl != null) {
                ssl.close();
            }
            plain.close();
        }
    }

    /** Paho only ever asks for an unconnected socket; the other forms refuse, as a socket that cannot connect would. */
    private abstract static class Factory extends SocketFactory {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw notUsed();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            throw notUsed();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw notUsed();
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            throw notUsed();
        }

        private static SocketException notUsed() {
            return new SocketException("only createSocket() then connect() is supported (Paho's way)");
        }
    }
}
