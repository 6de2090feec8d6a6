package org.rtc4j.stun;

/**
 * STUN method numbers: Binding (RFC 8489) and the TURN methods (RFC 8656, RFC 6062). A method is a
 * 12-bit number; methods not listed here still parse.
 */
public final class StunMethod {
  /** Binding (RFC 8489). */
  public static final int BINDING = 0x001;

  /** TURN Allocate (RFC 8656). */
  public static final int ALLOCATE = 0x003;

  /** TURN Refresh (RFC 8656). */
  public static final int REFRESH = 0x004;

  /** TURN Send (RFC 8656), an indication. */
  public static final int SEND = 0x006;

  /** TURN Data (RFC 8656), an indication. */
  public static final int DATA = 0x007;

  /** TURN CreatePermission (RFC 8656). */
  public static final int CREATE_PERMISSION = 0x008;

  /** TURN ChannelBind (RFC 8656). */
  public static final int CHANNEL_BIND = 0x009;

  /** TURN-TCP Connect (RFC 6062). */
  public static final int CONNECT = 0x00A;

  /** TURN-TCP ConnectionBind (RFC 6062). */
  public static final int CONNECTION_BIND = 0x00B;

  /** TURN-TCP ConnectionAttempt (RFC 6062), an indication. */
  public static final int CONNECTION_ATTEMPT = 0x00C;

  private StunMethod() {}

  /** The method's name, or its number in hex if it is not one rtc4j knows. */
  public static String name(int method) {
    return switch (method) {
      case BINDING -> "Binding";
      case ALLOCATE -> "Allocate";
      case REFRESH -> "Refresh";
      case SEND -> "Send";
      case DATA -> "Data";
      case CREATE_PERMISSION -> "CreatePermission";
      case CHANNEL_BIND -> "ChannelBind";
      case CONNECT -> "Connect";
      case CONNECTION_BIND -> "ConnectionBind";
      case CONNECTION_ATTEMPT -> "ConnectionAttempt";
      default -> String.format("method 0x%03x", method);
    };
  }
}
