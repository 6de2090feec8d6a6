package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * G.711 (PCMU and PCMA) and G.722 (RFC 3551 §4.5): sample-based audio, whose payload is the
 * encoder's octets as they are. This one cuts a stream of octets into packets of a fixed duration,
 * 20 ms unless asked otherwise (RFC 3551 §4.5: the default packetization interval).
 *
 * <p>Each payload is a frame of its own, with its own timestamp: the timestamp advances by {@link
 * #timestampIncrement(int)} from one payload to the next. For all three encodings that is one
 * timestamp unit per octet: G.711 has one octet per 8 kHz sample, and G.722, although it samples at
 * 16 kHz with one octet per two samples, has an RTP clock rate of 8000 Hz (RFC 3551 §4.5.2), so 20
 * ms is 160 octets and 160 timestamp units for each.
 */
public final class SampleBasedPacketizer implements Packetizer {
  /** G.711 and G.722 (64 kbit/s) both make 8 octets per millisecond. */
  private static final int OCTETS_PER_MILLISECOND = 8;

  private final int octetsPerPacket;

  /**
   * A packetizer that puts {@code octetsPerPacket} octets in each payload (fewer in the last one of
   * a frame, or if the payload size is smaller).
   *
   * @throws IllegalArgumentException if {@code octetsPerPacket} is not positive
   */
  public SampleBasedPacketizer(int octetsPerPacket) {
    if (octetsPerPacket <= 0) {
      throw new IllegalArgumentException("octets per packet must be positive: " + octetsPerPacket);
    }
    this.octetsPerPacket = octetsPerPacket;
  }

  /** A G.711 (PCMU or PCMA) packetizer with {@code packetTimeMillis} of audio in each packet. */
  public static SampleBasedPacketizer g711(int packetTimeMillis) {
    return ofMillis(packetTimeMillis);
  }

  /** A G.722 packetizer with {@code packetTimeMillis} of audio in each packet. */
  public static SampleBasedPacketizer g722(int packetTimeMillis) {
    return ofMillis(packetTimeMillis);
  }

  private static SampleBasedPacketizer ofMillis(int packetTimeMillis) {
    if (packetTimeMillis <= 0 || packetTimeMillis > 1000) {
      throw new IllegalArgumentException("packet time out of range: " + packetTimeMillis);
    }
    return new SampleBasedPacketizer(packetTimeMillis * OCTETS_PER_MILLISECOND);
  }

  /** The octets each payload carries, at most. */
  public int octetsPerPacket() {
    return octetsPerPacket;
  }

  /**
   * How far the RTP timestamp moves from a packet with {@code payloadLength} octets to the next:
   * one unit per octet for G.711 and G.722 (RFC 3551 §4.5.2, §4.5.14).
   */
  public int timestampIncrement(int payloadLength) {
    return payloadLength;
  }

  /**
   * Cuts {@code frame}, any number of octets, into payloads of {@link #octetsPerPacket()} octets
   * (or {@code maxPayloadSize}, if smaller); the last may be shorter.
   *
   * @throws IllegalArgumentException if the frame is empty or {@code maxPayloadSize} is not
   *     positive
   */
  @Override
  public List<byte[]> packetize(byte[] frame, int maxPayloadSize) {
    if (frame.length == 0) {
      throw new IllegalArgumentException("empty frame");
    }
    if (maxPayloadSize <= 0) {
      throw new IllegalArgumentException("payload size must be positive: " + maxPayloadSize);
    }
    int size = Math.min(octetsPerPacket, maxPayloadSize);
    List<byte[]> payloads = new ArrayList<>(frame.length / size + 1);
    for (int at = 0; at < frame.length; at += size) {
      payloads.add(Arrays.copyOfRange(frame, at, Math.min(frame.length, at + size)));
    }
    return payloads;
  }
}
