package org.rtc4j.dtls;

/** The elliptic curve groups rtc4j offers and accepts for ECDHE (RFC 8422, RFC 7748). */
public enum NamedGroup {
  /** 0x001D. */
  X25519(0x001D),
  /** 0x0017, P-256. */
  SECP256R1(0x0017),
  /** 0x0018, P-384. */
  SECP384R1(0x0018);

  private final int id;

  NamedGroup(int id) {
    this.id = id;
  }

  /** The group's code point on the wire. */
  public int id() {
    return id;
  }

  /** The group with this code point, or {@code null} for one rtc4j does not speak. */
  public static NamedGroup fromId(int id) {
    for (NamedGroup g : values()) {
      if (g.id == id) {
        return g;
      }
    }
    return null;
  }
}
