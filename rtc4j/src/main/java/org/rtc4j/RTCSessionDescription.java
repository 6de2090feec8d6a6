package org.rtc4j;

import java.util.Objects;

/**
 * A session description as signaling carries it (W3C {@code RTCSessionDescriptionInit}): its type
 * and its SDP text. A rollback carries no SDP ({@code ""}).
 *
 * @param type offer, pranswer, answer or rollback
 * @param sdp the SDP text (RFC 8866)
 */
public record RTCSessionDescription(SdpType type, String sdp) {

  /**
   * @throws NullPointerException if an argument is null
   */
  public RTCSessionDescription {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sdp, "sdp");
  }

  /** An offer. */
  public static RTCSessionDescription offer(String sdp) {
    return new RTCSessionDescription(SdpType.OFFER, sdp);
  }

  /** An answer. */
  public static RTCSessionDescription answer(String sdp) {
    return new RTCSessionDescription(SdpType.ANSWER, sdp);
  }

  /** A rollback (webrtc-pc §4.4.1.5): the offer in progress is undone. */
  public static RTCSessionDescription rollback() {
    return new RTCSessionDescription(SdpType.ROLLBACK, "");
  }

  @Override
  public String toString() {
    return type.jsonName() + ":\n" + sdp;
  }
}
