package org.rtc4j.datachannel;

import java.util.Objects;
import org.rtc4j.datachannel.dcep.Utf8Text;

/**
 * How to create a data channel: W3C's {@code RTCDataChannelInit} dictionary. The optional members
 * are {@code null} when absent. Build one with {@link #builder()}, or use {@link #DEFAULT}.
 *
 * <p>A channel is reliable unless one limit is set: {@code maxRetransmits} (RFC 3758's limited
 * retransmissions) or {@code maxPacketLifeTime} (timed reliability, in milliseconds), not both (RFC
 * 8831 §6.4).
 *
 * @param ordered whether messages are delivered in the order they were sent
 * @param maxRetransmits at most this many retransmissions of a message, 0–65535, or {@code null}
 * @param maxPacketLifeTime a message is abandoned this many milliseconds after it was sent,
 *     0–65535, or {@code null}
 * @param protocol the subprotocol, at most 65535 bytes of UTF-8; may be empty
 * @param negotiated whether the application agreed the channel with the peer out of band, so that
 *     both sides create it with the same {@code id} and no DATA_CHANNEL_OPEN is sent (RFC 8832 §1)
 * @param id the stream id of a negotiated channel, 0–65534; ignored (and stored as {@code null})
 *     when {@code negotiated} is false, as in W3C's {@code createDataChannel}: the id of an in-band
 *     channel is chosen by the DTLS role
 */
public record DataChannelInit(
    boolean ordered,
    Integer maxRetransmits,
    Integer maxPacketLifeTime,
    String protocol,
    boolean negotiated,
    Integer id) {

  /** Ordered, reliable, no subprotocol, opened in band. */
  public static final DataChannelInit DEFAULT = builder().build();

  /**
   * Validates as W3C's {@code createDataChannel} does. Unpaired surrogates in {@code protocol} are
   * replaced with U+FFFD (it is a USVString).
   *
   * @throws IllegalArgumentException (W3C's {@code TypeError}) if both limits are set, a number is
   *     out of range, the protocol is longer than 65535 bytes of UTF-8, or a negotiated channel has
   *     no id
   */
  public DataChannelInit {
    Objects.requireNonNull(protocol, "protocol");
    protocol = Utf8Text.scalarValues(protocol);
    checkUnsignedShort("maxRetransmits", maxRetransmits);
    checkUnsignedShort("maxPacketLifeTime", maxPacketLifeTime);
    if (maxRetransmits != null && maxPacketLifeTime != null) {
      throw new IllegalArgumentException(
          "set maxRetransmits or maxPacketLifeTime, not both (RFC 8831 §6.4)");
    }
    if (Utf8Text.byteLength(protocol) > DataChannels.MAX_STRING_BYTES) {
      throw new IllegalArgumentException(
          "protocol is longer than " + DataChannels.MAX_STRING_BYTES + " bytes of UTF-8");
    }
    if (!negotiated) {
      id = null;
    } else if (id == null) {
      throw new IllegalArgumentException("a negotiated channel needs an id");
    } else if (id < 0 || id > DataChannels.MAX_STREAM_ID) {
      throw new IllegalArgumentException("id is 0.." + DataChannels.MAX_STREAM_ID + ": " + id);
    }
  }

  /** A builder that starts from the defaults: ordered, reliable, in band, no protocol. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether messages are retransmitted until acknowledged, with no limit. */
  public boolean reliable() {
    return maxRetransmits == null && maxPacketLifeTime == null;
  }

  private static void checkUnsignedShort(String what, Integer value) {
    if (value != null && (value < 0 || value > 0xFFFF)) {
      throw new IllegalArgumentException(what + " is 0..65535: " + value);
    }
  }

  /** Builds a {@link DataChannelInit}; {@link #build()} validates. */
  public static final class Builder {
    private boolean ordered = true;
    private Integer maxRetransmits;
    private Integer maxPacketLifeTime;
    private String protocol = "";
    private boolean negotiated;
    private Integer id;

    private Builder() {}

    /** Whether messages are delivered in order; true by default. */
    public Builder ordered(boolean ordered) {
      this.ordered = ordered;
      return this;
    }

    /** At most this many retransmissions of a message (0–65535); {@code null} for no limit. */
    public Builder maxRetransmits(Integer maxRetransmits) {
      this.maxRetransmits = maxRetransmits;
      return this;
    }

    /** Abandon a message this many milliseconds after sending (0–65535); {@code null}: never. */
    public Builder maxPacketLifeTime(Integer maxPacketLifeTime) {
      this.maxPacketLifeTime = maxPacketLifeTime;
      return this;
    }

    /** The subprotocol; empty by default. */
    public Builder protocol(String protocol) {
      this.protocol = protocol;
      return this;
    }

    /** A channel agreed out of band on stream {@code id}: no DATA_CHANNEL_OPEN is sent. */
    public Builder negotiated(int id) {
      this.negotiated = true;
      this.id = id;
      return this;
    }

    /** Sets W3C's {@code negotiated} and {@code id} members as they are. */
    public Builder negotiated(boolean negotiated, Integer id) {
      this.negotiated = negotiated;
      this.id = id;
      return this;
    }

    /**
     * @throws IllegalArgumentException as {@link DataChannelInit}'s constructor does
     */
    public DataChannelInit build() {
      return new DataChannelInit(
          ordered, maxRetransmits, maxPacketLifeTime, protocol, negotiated, id);
    }
  }
}
