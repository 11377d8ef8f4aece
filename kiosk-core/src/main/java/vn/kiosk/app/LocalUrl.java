package vn.kiosk.app;

import java.net.URI;

/** How a process on this device reaches the kiosk's own HTTP API, whatever address it binds. */
final class LocalUrl {

    private LocalUrl() { }

    static URI of(String bind, int port, String path) {
        String host = bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]") ? "127.0.0.1" : bind;
        return URI.create("http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":"
                + port + path);
    }
}
