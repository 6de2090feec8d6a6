package org.rtc4j;

/** The type of a session description (W3C {@code RTCSdpType}, RFC 8829 §4.1.8). */
public enum SdpType {
  /** An offer: the start of a negotiation. */
  OFFER,
  /** A provisional answer: the negotiation continues (RFC 8829 §4.1.8.1). */
  PRANSWER,
  /** The final answer: the negotiation ends. */
  ANSWER,
  /** Cancels the offer or provisional answer in progress (RFC 8829 §4.1.8.2). */
  ROLLBACK;

  /** The lowercase name browsers and signaling servers use ({@code "offer"}, ...). */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The type with that JSON name.
   *
   * @throws IllegalArgumentException for any other string
   */
  public static SdpType fromJsonName(String name) {
    for (SdpType t : values()) {
      if (t.jsonName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("not an SDP type: " + name);
  }
}
