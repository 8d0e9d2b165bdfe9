package io.commentflow.benchmark;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HttpConnectionTests {

    private HttpServer server;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> {
            byte[] body = "{\"id\":\"fixed\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // 0: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/empty", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void readsFixedLengthAndChunkedBodiesOnOneKeptAliveConnection() throws IOException {
        String host = "127.0.0.1:" + server.getAddress().getPort();
        try (HttpConnection connection = new HttpConnection("127.0.0.1", server.getAddress().getPort())) {
            HttpConnection.Response fixed = connection.exchange(HttpConnection.postJson(host, "/fixed", "", "{}"), true);
            HttpConnection.Response chunked = connection.exchange(HttpConnection.get(host, "/chunked"), true);
            HttpConnection.Response empty = connection.exchange(HttpConnection.get(host, "/empty"), true);
            HttpConnection.Response again = connection.exchange(HttpConnection.get(host, "/fixed"), false);

            assertThat(fixed.status()).isEqualTo(202);
            assertThat(fixed.bodyText()).isEqualTo("{\"id\":\"fixed\"}");
            assertThat(chunked.status()).isEqualTo(200);
            assertThat(chunked.bodyText()).startsWith("line 0\n").endsWith("line 99\n");
            assertThat(empty.status()).isEqualTo(204);
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.body()).isNull();
        }
    }

    @Test
    void reconnectsWhenTheServerClosesAfterAnswering() throws Exception {
        try (ServerSocket closing = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                for (int i = 0; i < 3; i++) {
                    try (Socket socket = closing.accept()) {
                        connections.incrementAndGet();
                        socket.getInputStream().read(new byte[4096]);
                        socket.getOutputStream().write(("HTTP/1.1 202\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String host = "127.0.0.1:" + closing.getLocalPort();
            try (HttpConnection connection = new HttpConnection("127.0.0.1", closing.getLocalPort())) {
                for (int i = 0; i < 3; i++) {
                    assertThat(connection.exchange(HttpConnection.get(host, "/"), true).bodyText()).isEqualTo("ok");
                }
            }
            assertThat(connections).hasValue(3);
        }
    }
}
