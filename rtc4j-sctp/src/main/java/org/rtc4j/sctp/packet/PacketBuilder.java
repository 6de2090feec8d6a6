package org.rtc4j.sctp.packet;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs chunks into SCTP packets no longer than a limit (the association's MTU budget, RFC 9260
 * §6.10 bundling), keeping the order they were added in. Reused: {@link #build} hands out the
 * packet and empties the builder for the next one. Not thread-safe.
 */
public final class PacketBuilder {
  private final int sourcePort;
  private final int destinationPort;
  private final int maxLength;
  private int verificationTag;
  private final List<Chunk> chunks = new ArrayList<>();
  private int length = SctpPacket.COMMON_HEADER_LENGTH;

  /**
   * @param sourcePort this end's port, 0–65535
   * @param destinationPort the peer's port, 0–65535
   * @param verificationTag the tag the packets carry
   * @param maxLength the most bytes a packet may take, header included; at least room for the
   *     header and one empty chunk (16)
   * @throws IllegalArgumentException if a port is not 16 bits or {@code maxLength} is below 16
   */
  public PacketBuilder(int sourcePort, int destinationPort, int verificationTag, int maxLength) {
    SctpPacket.checkPorts(sourcePort, destinationPort);
    if (maxLength < SctpPacket.COMMON_HEADER_LENGTH + Chunk.HEADER_LENGTH) {
      throw new IllegalArgumentException("max packet length " + maxLength + " is below 16");
    }
    this.sourcePort = sourcePort;
    this.destinationPort = destinationPort;
    this.verificationTag = verificationTag;
    this.maxLength = maxLength;
  }

  /**
   * The bytes left for further chunks, rounded down to a multiple of 4 since every chunk is padded
   * to one: a chunk fits exactly when its {@link Chunk#serializedLength()} is at most this.
   */
  public int remaining() {
    return (maxLength - length) & ~3;
  }

  /**
   * Adds {@code chunk} after those already added if it fits.
   *
   * @return whether it was added; if not, nothing changed
   */
  public boolean add(Chunk chunk) {
    int padded = chunk.paddedLength();
    if (padded > remaining()) {
      return false;
    }
    chunks.add(chunk);
    length += padded;
    return true;
  }

  /** Whether no chunk was added since the last {@link #build}. */
  public boolean isEmpty() {
    return chunks.isEmpty();
  }

  /** The bytes the packet built now would take, header included. */
  public int length() {
    return length;
  }

  /** The most bytes a packet may take. */
  public int maxLength() {
    return maxLength;
  }

  /** The chunks added so far, in order (a copy). */
  public List<Chunk> chunks() {
    return List.copyOf(chunks);
  }

  /**
   * The packet of the chunks added so far; the builder is empty afterwards.
   *
   * @param zeroChecksum whether to write 0 instead of the CRC32c (RFC 9653)
   * @throws IllegalStateException if no chunk was added
   */
  public byte[] build(boolean zeroChecksum) {
    if (chunks.isEmpty()) {
      throw new IllegalStateException("no chunks to build a packet of");
    }
    byte[] packet =
        SctpPacket.write(sourcePort, destinationPort, verificationTag, chunks, zeroChecksum);
    chunks.clear();
    length = SctpPacket.COMMON_HEADER_LENGTH;
    return packet;
  }

  /** Sets the verification tag of the packets built from now on, the one in progress included. */
  public void verificationTag(int tag) {
    this.verificationTag = tag;
  }

  /** The verification tag the next packet will carry. */
  public int verificationTag() {
    return verificationTag;
  }
}
