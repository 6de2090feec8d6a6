package org.rtc4j.sctp.packet;

import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteWriter;

/**
 * An error cause with a code this layer does not parse (Unresolvable Address, Restart of an
 * Association with New Addresses, causes of extensions, ...), kept as it came.
 *
 * @param code the cause code, 0–65535, none that this layer parses into its own class
 * @param info the cause-specific information, without header or padding (copied in and out)
 */
public record UnknownCause(int code, byte[] info) implements ErrorCause {
  /**
   * @throws IllegalArgumentException if the code is not 16 bits or is one this layer parses, or the
   *     information is too long for one cause
   */
  public UnknownCause {
    if ((code & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("cause code " + code + " not 16 bits");
    }
    if (ErrorCause.isKnownCode(code)) {
      throw new IllegalArgumentException("cause code " + code + " has its own class");
    }
    info = Objects.requireNonNull(info, "info").clone();
    Tlv.checkLength(HEADER_LENGTH + (long) info.length, "error cause");
  }

  @Override
  public byte[] info() {
    return info.clone();
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + info.length;
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    out.u16(code).u16(length).bytes(info);
    Tlv.pad(out, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownCause other && code == other.code && Arrays.equals(info, other.info);
  }

  @Override
  public int hashCode() {
    return 31 * code + Arrays.hashCode(info);
  }

  @Override
  public String toString() {
    return "UnknownCause[code=" + code + ", " + Tlv.hex(info) + "]";
  }
}
