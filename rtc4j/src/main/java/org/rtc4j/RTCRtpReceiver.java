package org.rtc4j;

import java.util.Objects;

/**
 * The receiving side of a transceiver (W3C {@code RTCRtpReceiver}). Media does not flow through the
 * peer connection yet, so a receiver has no track: it names what it belongs to.
 */
public final class RTCRtpReceiver {
  private final RTCRtpTransceiver transceiver;

  RTCRtpReceiver(RTCRtpTransceiver transceiver) {
    this.transceiver = Objects.requireNonNull(transceiver, "transceiver");
  }

  /** The transceiver it belongs to. */
  public RTCRtpTransceiver transceiver() {
    return transceiver;
  }

  /** {@code audio} or {@code video}. */
  public String kind() {
    return transceiver.kind();
  }

  @Override
  public String toString() {
    return "RTCRtpReceiver[" + transceiver + "]";
  }
}
