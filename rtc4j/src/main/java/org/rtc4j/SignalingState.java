package org.rtc4j;

/**
 * Where a peer connection is in offer/answer (W3C {@code RTCSignalingState}; RFC 8829 §3.2 and the
 * state diagram of webrtc-pc §4.3.1), with the transitions that setting a local or remote
 * description makes.
 */
public enum SignalingState {
  /** No negotiation in progress. */
  STABLE,
  /** We set an offer as our local description and wait for the answer. */
  HAVE_LOCAL_OFFER,
  /** The peer's offer is our remote description; we owe an answer. */
  HAVE_REMOTE_OFFER,
  /** We answered the remote offer provisionally. */
  HAVE_LOCAL_PRANSWER,
  /** The peer answered our offer provisionally. */
  HAVE_REMOTE_PRANSWER,
  /** The connection is closed. */
  CLOSED;

  /**
   * The state after setting a description of {@code type}, locally or remotely, in this state.
   *
   * @param local true for {@code setLocalDescription}, false for {@code setRemoteDescription}
   * @throws IllegalStateException if that description cannot be set now (W3C's {@code
   *     InvalidStateError}): an answer without an offer, a second offer from the same side, or
   *     anything once closed
   */
  public SignalingState apply(SdpType type, boolean local) {
    SignalingState next = transition(type, local);
    if (next == null) {
      throw new IllegalStateException(
          "cannot set a "
              + (local ? "local " : "remote ")
              + type.jsonName()
              + " in signaling state "
              + this);
    }
    return next;
  }

  /** Whether {@link #apply} would succeed. */
  public boolean accepts(SdpType type, boolean local) {
    return transition(type, local) != null;
  }

  private SignalingState transition(SdpType type, boolean local) {
    if (type == SdpType.ROLLBACK) {
      // webrtc-pc §4.4.1.5 (and JSEP's consensus, rtcweb-wg/jsep#760): a rollback from either
      // side undoes the offer in progress; there is none to undo in stable, and a provisional
      // answer cannot be rolled back.
      return this == HAVE_LOCAL_OFFER || this == HAVE_REMOTE_OFFER ? STABLE : null;
    }
    return switch (this) {
      case STABLE -> type == SdpType.OFFER ? (local ? HAVE_LOCAL_OFFER : HAVE_REMOTE_OFFER) : null;
      // A new offer from the same side replaces the pending one (webrtc-pc §4.4.1.5).
      case HAVE_LOCAL_OFFER ->
          local
              ? (type == SdpType.OFFER ? HAVE_LOCAL_OFFER : null)
              : answered(type, HAVE_REMOTE_PRANSWER);
      case HAVE_REMOTE_OFFER ->
          !local
              ? (type == SdpType.OFFER ? HAVE_REMOTE_OFFER : null)
              : answered(type, HAVE_LOCAL_PRANSWER);
      case HAVE_LOCAL_PRANSWER -> local ? answered(type, HAVE_LOCAL_PRANSWER) : null;
      case HAVE_REMOTE_PRANSWER -> local ? null : answered(type, HAVE_REMOTE_PRANSWER);
      case CLOSED -> null;
    };
  }

  /** After an answer, stable; after a provisional one, {@code provisional}; nothing else. */
  private static SignalingState answered(SdpType type, SignalingState provisional) {
    return switch (type) {
      case ANSWER -> STABLE;
      case PRANSWER -> provisional;
      default -> null;
    };
  }

  /** The W3C name: {@code "stable"}, {@code "have-local-offer"}, ... */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
