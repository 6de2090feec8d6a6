package org.rtc4j;

import java.util.Objects;
import java.util.Optional;
import org.rtc4j.sdp.Direction;

/**
 * One media m-section of a peer connection (W3C {@code RTCRtpTransceiver}): its mid, its kind, the
 * direction the application wants and the one negotiated. Media does not flow through rtc4j's peer
 * connection yet: a transceiver is negotiated (codecs, header extensions, direction) so that offers
 * and answers are right, and its RTP will come with the media pipeline.
 */
public final class RTCRtpTransceiver {
  private final String kind;
  private final boolean createdByRemoteOffer;
  private final RTCRtpSender sender = new RTCRtpSender(this);
  private final RTCRtpReceiver receiver = new RTCRtpReceiver(this);
  private String mid;
  private Direction direction;
  private Direction currentDirection;
  private boolean stopped;

  RTCRtpTransceiver(String kind, Direction direction, boolean createdByRemoteOffer) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.direction = Objects.requireNonNull(direction, "direction");
    this.createdByRemoteOffer = createdByRemoteOffer;
  }

  boolean createdByRemoteOffer() {
    return createdByRemoteOffer;
  }

  /** {@code audio} or {@code video}. */
  public String kind() {
    return kind;
  }

  /** Its sending side. */
  public RTCRtpSender sender() {
    return sender;
  }

  /** Its receiving side. */
  public RTCRtpReceiver receiver() {
    return receiver;
  }

  /** The mid of its m-section, once a description gave it one. */
  public Optional<String> mid() {
    return Optional.ofNullable(mid);
  }

  /** The direction the application wants. */
  public Direction direction() {
    return direction;
  }

  /**
   * Sets the direction the application wants; negotiation is needed if it changed.
   *
   * @throws IllegalStateException if the transceiver is stopped
   */
  public void setDirection(Direction direction) {
    Objects.requireNonNull(direction, "direction");
    if (stopped) {
      throw new IllegalStateException("the transceiver is stopped");
    }
    this.direction = direction;
  }

  /** The direction last negotiated, or empty if never. */
  public Optional<Direction> currentDirection() {
    return Optional.ofNullable(currentDirection);
  }

  /** Whether the transceiver was stopped (its m-section rejected). */
  public boolean stopped() {
    return stopped;
  }

  void mid(String value) {
    this.mid = value;
  }

  void currentDirection(Direction value) {
    this.currentDirection = value;
  }

  void stop() {
    this.stopped = true;
    this.currentDirection = Direction.INACTIVE;
  }

  @Override
  public String toString() {
    return "RTCRtpTransceiver[" + kind + " mid=" + mid + " " + direction + "]";
  }
}
