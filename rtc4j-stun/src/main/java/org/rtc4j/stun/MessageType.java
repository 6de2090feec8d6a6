package org.rtc4j.stun;

/**
 * A STUN message type: a 12-bit method and a class, interleaved on the wire (RFC 8489 §5).
 *
 * @param method the method, 0 to 0xFFF (see {@link StunMethod})
 * @param messageClass request, indication, success or error response
 */
public record MessageType(int method, MessageClass messageClass) {
  /** A Binding request. */
  public static final MessageType BINDING_REQUEST =
      new MessageType(StunMethod.BINDING, MessageClass.REQUEST);

  /** A Binding success response. */
  public static final MessageType BINDING_SUCCESS =
      new MessageType(StunMethod.BINDING, MessageClass.SUCCESS_RESPONSE);

  /** A Binding error response. */
  public static final MessageType BINDING_ERROR =
      new MessageType(StunMethod.BINDING, MessageClass.ERROR_RESPONSE);

  /** A Binding indication (a keepalive). */
  public static final MessageType BINDING_INDICATION =
      new MessageType(StunMethod.BINDING, MessageClass.INDICATION);

  /**
   * @throws IllegalArgumentException if the method does not fit in 12 bits
   * @throws NullPointerException if the class is null
   */
  public MessageType {
    if (method < 0 || method > 0xFFF) {
      throw new IllegalArgumentException("STUN method must fit in 12 bits: " + method);
    }
    java.util.Objects.requireNonNull(messageClass, "messageClass");
  }

  /** The same method with another class, e.g. the success response to a request. */
  public MessageType withClass(MessageClass newClass) {
    return new MessageType(method, newClass);
  }

  /** The 14-bit wire value: M11..M7, C1, M6..M4, C0, M3..M0. */
  public int toWire() {
    int c = messageClass.bits();
    return (method & 0x000F)
        | ((method & 0x0070) << 1)
        | ((method & 0x0F80) << 2)
        | ((c & 0b01) << 4)
        | ((c & 0b10) << 7);
  }

  /** The type for a 14-bit wire value (the two top bits of the 16-bit field must be zero). */
  public static MessageType fromWire(int wire) {
    int method = (wire & 0x000F) | ((wire >>> 1) & 0x0070) | ((wire >>> 2) & 0x0F80);
    int c = ((wire >>> 4) & 0b01) | ((wire >>> 7) & 0b10);
    return new MessageType(method, MessageClass.fromBits(c));
  }

  @Override
  public String toString() {
    return StunMethod.name(method) + " " + messageClass;
  }
}
