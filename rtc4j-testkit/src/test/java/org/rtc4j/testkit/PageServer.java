package org.rtc4j.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A tiny web server for browser tests, run in a {@link NetworkNamespace} by {@link
 * ChildProcess#java}: it serves the files of the test resources folder {@code www/} on
 * 127.0.0.1:PORT and hands what pages report back to the test on stdout.
 *
 * <ul>
 *   <li>{@code java ... PageServer PORT} (0 picks a free port) prints {@code LISTENING <port>} once
 *       it accepts connections.
 *   <li>{@code GET /NAME} answers the resource {@code www/NAME} (a plain file name) and prints
 *       {@code GET /NAME <status>}.
 *   <li>{@code POST /report} prints {@code REPORT <body>} (line breaks turned into spaces, at most
 *       64 KiB) and answers 204.
 *   <li>It exits when its stdin closes: its parent test is gone or done.
 * </ul>
 */
public final class PageServer {
  /** The largest report body printed; longer ones are cut. */
  static final int MAX_REPORT_BYTES = 64 * 1024;

  private static final Pattern FILE_NAME = Pattern.compile("/[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private PageServer() {}

  /**
   * Serves until stdin closes.
   *
   * @param args the port on 127.0.0.1 (0 for any free one)
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: PageServer PORT");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 16);
    server.createContext("/", PageServer::handle);
    server.start();
    System.out.println("LISTENING " + server.getAddress().getPort());
    System.out.flush();
    // Block until the parent closes our stdin (or dies): then stop.
    InputStream in = System.in;
    byte[] sink = new byte[256];
    while (in.read(sink) >= 0) {
      // Input is not used; reading only tells us when it ends.
    }
    server.stop(0);
    System.out.println("STOPPED");
    System.out.flush();
    System.exit(0);
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (method.equals("POST") && path.equals("/report")) {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_REPORT_BYTES);
        String text =
            new String(body, StandardCharsets.UTF_8).replace('\r', ' ').replace('\n', ' ');
        synchronized (System.out) {
          System.out.println("REPORT " + text);
          System.out.flush();
        }
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      if (!method.equals("GET") || !FILE_NAME.matcher(path).matches()) {
        answer(exchange, method + " " + path, 404, null);
        return;
      }
      try (InputStream resource = PageServer.class.getResourceAsStream("/www" + path)) {
        if (resource == null) {
          answer(exchange, "GET " + path, 404, null);
          return;
        }
        answer(exchange, "GET " + path, 200, resource.readAllBytes());
      }
    }
  }

  private static void answer(HttpExchange exchange, String request, int status, byte[] body)
      throws IOException {
    System.out.println(request + " " + status);
    System.out.flush();
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", contentType(request));
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String contentType(String request) {
    if (request.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (request.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return "application/octet-stream";
  }
}
