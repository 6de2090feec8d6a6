package org.rtc4j.dtls.handshake;

import java.util.Arrays;
import java.util.Objects;

/**
 * One hello extension (RFC 5246 §7.4.1.4): its type and its raw extension_data. {@link Extensions}
 * builds and reads the data of the ones rtc4j uses.
 *
 * @param type the extension type, a u16 (see {@link ExtensionType})
 * @param data the extension_data (copied), at most 2^16-1 bytes
 */
public record Extension(int type, byte[] data) {
  /**
   * @throws IllegalArgumentException if the type does not fit 16 bits or the data is too long
   */
  public Extension {
    Vectors.checkU16(type, "extension type");
    data = Vectors.copy(data, 0, Vectors.MAX_U16, "extension_data");
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Bytes this extension takes in an extension list: type, length and data. */
  public int encodedLength() {
    return 4 + data.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Extension other && type == other.type && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return ExtensionType.name(type) + "(" + Vectors.hex(data) + ")";
  }
}
