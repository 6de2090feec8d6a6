package org.rtc4j.examples;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * The browser data-channel echo demo: serves the page and its WHIP-style signaling ({@link
 * SignalingServer}) in front of peer connections that echo every data-channel message.
 *
 * <pre>
 * java -jar rtc4j-examples/target/rtc4j-demo.jar [--port N] [--bind ADDRESS] [--help]
 * </pre>
 */
public final class EchoDemo {

  /** The port served when none is given. */
  public static final int DEFAULT_PORT = 8080;

  /** The address bound when none is given: loopback, so only this machine can reach the demo. */
  public static final String DEFAULT_BIND = "127.0.0.1";

  /** What {@code --help} prints. */
  public static final String USAGE =
      """
      usage: java -jar rtc4j-demo.jar [--port N] [--bind ADDRESS] [--help]

        --port N        the HTTP port (default 8080; 0 picks a free one)
        --bind ADDRESS  the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
        --help          print this and exit

      Open the printed address in a browser and press Connect: every message sent on the
      data channel "echo" comes back from rtc4j.
      """;

  private EchoDemo() {}

  /**
   * The command line, parsed.
   *
   * @param port the HTTP port, 0 to 65535 (0 picks a free port)
   * @param bind the address to listen on, as given (an address literal or a host name)
   * @param help whether {@code --help} was asked for; then nothing is started
   */
  public record Options(int port, String bind, boolean help) {

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if the port is out of range or the address is empty
     */
    public Options {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port must be 0 to 65535, not " + port);
      }
      if (bind == null || bind.isBlank()) {
        throw new IllegalArgumentException("--bind needs an address");
      }
    }

    /** The socket address to bind; resolves {@link #bind} if it is a host name. */
    public InetSocketAddress address() {
      return new InetSocketAddress(bind, port);
    }

    /**
     * Parses {@code --port N}, {@code --bind ADDRESS} and {@code --help}; {@code --port=N} and
     * {@code --bind=ADDRESS} work too. A later option overrides an earlier one.
     *
     * @throws IllegalArgumentException naming the argument that is unknown, lacks its value, or has
     *     a bad one
     */
    public static Options parse(String... args) {
      int port = DEFAULT_PORT;
      String bind = DEFAULT_BIND;
      boolean help = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String name = arg;
        String value = null;
        int equals = arg.indexOf('=');
        if (arg.startsWith("--") && equals > 0) {
          name = arg.substring(0, equals);
          value = arg.substring(equals + 1);
        }
        switch (name) {
          case "--help", "-h" -> help = true;
          case "--port" -> {
            if (value == null) {
              value = valueAfter(args, i++, name);
            }
            port = port(value);
          }
          case "--bind" -> {
            if (value == null) {
              value = valueAfter(args, i++, name);
            }
            bind = value;
          }
          default -> throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      return new Options(port, bind, help);
    }

    private static String valueAfter(String[] args, int i, String name) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      return args[i + 1];
    }

    private static int port(String value) {
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port needs a number, not '" + value + "'", e);
      }
    }
  }

  /**
   * Runs the demo until the process is stopped (Ctrl-C closes the server and, if it is {@link
   * AutoCloseable}, the host). Exits with status 2 on a bad command line, 1 if the port cannot be
   * bound.
   */
  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("rtc4j demo: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(USAGE);
      return;
    }
    SessionHost host = echoHost();
    SignalingServer server;
    try {
      server = launch(options, host, System.out);
    } catch (UncheckedIOException e) {
      System.err.println("rtc4j demo: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(server, host), "rtc4j-demo-shutdown"));
  }

  /**
   * Starts the signaling server for {@code options} in front of {@code host} and prints where to
   * open it ({@code rtc4j demo: open http://...}) on {@code out}.
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static SignalingServer launch(Options options, SessionHost host, PrintStream out) {
    SignalingServer server = SignalingServer.start(options.address(), host);
    out.println("rtc4j demo: open " + server.baseUri());
    return server;
  }

  /**
   * The session host that answers browsers with peer connections echoing every data-channel message
   * ({@link EchoSessions}), with host candidates on every interface, loopback included.
   */
  public static SessionHost echoHost() {
    return EchoSessions.start();
  }

  // The process's end: the shutdown hook is the boundary where any failure can only be reported.
  private static void stop(SignalingServer server, SessionHost host) {
    server.close();
    if (host instanceof AutoCloseable) {
      try {
        ((AutoCloseable) host).close();
      } catch (Exception e) {
        System.err.println("rtc4j demo: closing the sessions failed: " + e);
      }
    }
  }
}
