package io.commentflow.notification.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the test's SMTP server (GreenMail) that passes everything through, byte for byte, except
 * what a test asks it to refuse: the next {@code n} {@code RCPT TO} commands for one address get a transient
 * {@code 451} from the relay instead of reaching the server, as a real server says "try again later" for one
 * recipient while the others go through. When the server is down or closes a connection, so does the relay. One per
 * test JVM, like the shared context.
 */
public final class SmtpRelay {

    private final ServerSocket server;
    private final int upstreamPort;
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

    private SmtpRelay(ServerSocket server, int upstreamPort) {
        this.server = server;
        this.upstreamPort = upstreamPort;
    }

    static SmtpRelay start(int upstreamPort) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            SmtpRelay relay = new SmtpRelay(server, upstreamPort);
            Thread acceptor = new Thread(relay::accept, "smtp-relay");
            acceptor.setDaemon(true);
            acceptor.start();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next {@code times} attempts to send to this address are refused with a transient error. */
    public void refuseNext(String address, int times) {
        refusals.put(address.toLowerCase(Locale.ROOT), new AtomicInteger(times));
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket();
                    upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 2000);
                } catch (IOException serverDown) {
                    client.close();
                    continue;
                }
                start(() -> pump(upstream, client), "smtp-relay-down");
                start(() -> commands(client, upstream), "smtp-relay-up");
            } catch (IOException e) {
                // the next connection may work
            }
        }
    }

    private static void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Server to client: as it comes. */
    private static void pump(Socket from, Socket to) {
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side went away: so does the other (try-with-resources)
        }
    }

    /** Client to server, line by line, answering a refused RCPT TO itself. */
    private void commands(Socket client, Socket upstream) {
        try (client; upstream) {
            InputStream in = client.getInputStream();
            OutputStream server = upstream.getOutputStream();
            OutputStream back = client.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                byte[] bytes = line.toByteArray();
                line.reset();
                if (refused(new String(bytes, StandardCharsets.US_ASCII))) {
                    synchronized (back) {
                        back.write("451 4.3.0 Try again later\r\n".getBytes(StandardCharsets.US_ASCII));
                        back.flush();
                    }
                } else {
                    server.write(bytes);
                    server.flush();
                }
            }
        } catch (IOException e) {
            // one side went away: so does the other (try-with-resources)
        }
    }

    private boolean refused(String line) {
        String command = line.toLowerCase(Locale.ROOT);
        if (!command.startsWith("rcpt to:")) {
            return false;
        }
        for (Map.Entry<String, AtomicInteger> refusal : refusals.entrySet()) {
            if (command.contains("<" + refusal.getKey() + ">") && refusal.getValue().getAndDecrement() > 0) {
                return true;
            }
        }
        return false;
    }
}
