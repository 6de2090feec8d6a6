package org.rtc4j.common;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One packet in or out of a sans-I/O state machine, tagged with its addresses and transport.
 *
 * <p>Addresses are seen from the state machine's side: {@link #local()} is our address (where an
 * inbound datagram arrived, or where an outbound one leaves from) and {@link #remote()} is the
 * peer's (the sender of an inbound datagram, the destination of an outbound one).
 *
 * <p>The payload is the region {@code [offset, offset + length)} of {@link #data()}. A datagram
 * does not copy: whoever builds one hands the array over and must not change that region
 * afterwards, and whoever receives one may read it but not keep a reference past the call it was
 * handed to (copy with {@link #copyPayload()} to keep it).
 */
public final class Datagram {
  private final byte[] data;
  private final int offset;
  private final int length;
  private final InetSocketAddress local;
  private final InetSocketAddress remote;
  private final TransportProtocol transport;
  private final Ecn ecn;

  /**
   * @param data the array that holds the payload
   * @param offset where the payload starts in {@code data}
   * @param length the payload's length in bytes
   * @param local our address
   * @param remote the peer's address
   * @param transport UDP or TCP
   * @param ecn the ECN codepoint, or {@code null} when it is not known
   * @throws IndexOutOfBoundsException if the region lies outside {@code data}
   * @throws NullPointerException if {@code data}, an address or the transport is null
   */
  public Datagram(
      byte[] data,
      int offset,
      int length,
      InetSocketAddress local,
      InetSocketAddress remote,
      TransportProtocol transport,
      Ecn ecn) {
    Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(data, "data").length);
    this.data = data;
    this.offset = offset;
    this.length = length;
    this.local = Objects.requireNonNull(local, "local");
    this.remote = Objects.requireNonNull(remote, "remote");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.ecn = ecn;
  }

  /** A UDP datagram whose payload is all of {@code payload}, ECN unknown. */
  public static Datagram udp(byte[] payload, InetSocketAddress local, InetSocketAddress remote) {
    return new Datagram(payload, 0, payload.length, local, remote, TransportProtocol.UDP, null);
  }

  /**
   * An answer to this datagram: {@code payload} back to its sender, from the address it arrived at,
   * over the same transport.
   */
  public Datagram reply(byte[] payload) {
    return new Datagram(payload, 0, payload.length, local, remote, transport, null);
  }

  /** The array that holds the payload; the payload is {@code [offset(), offset() + length())}. */
  public byte[] data() {
    return data;
  }

  /** Where the payload starts in {@link #data()}. */
  public int offset() {
    return offset;
  }

  /** The payload's length in bytes. */
  public int length() {
    return length;
  }

  /** Our address: where the datagram arrived, or where it leaves from. */
  public InetSocketAddress local() {
    return local;
  }

  /** The peer's address: who sent the datagram, or where it goes. */
  public InetSocketAddress remote() {
    return remote;
  }

  /** UDP or TCP. */
  public TransportProtocol transport() {
    return transport;
  }

  /** The ECN codepoint, when the runtime knows it. */
  public Optional<Ecn> ecn() {
    return Optional.ofNullable(ecn);
  }

  /** The payload byte at {@code index} (0 is the first payload byte), as 0..255. */
  public int byteAt(int index) {
    Objects.checkIndex(index, length);
    return data[offset + index] & 0xFF;
  }

  /** A fresh copy of the payload. */
  public byte[] copyPayload() {
    return Arrays.copyOfRange(data, offset, offset + length);
  }

  /** A reader over the payload; offsets it reports count from the payload's first byte. */
  public ByteReader reader() {
    return new ByteReader(data, offset, length);
  }

  /** The same payload and transport with other addresses (what a NAT or relay does). */
  public Datagram withAddresses(InetSocketAddress newLocal, InetSocketAddress newRemote) {
    return new Datagram(data, offset, length, newLocal, newRemote, transport, ecn);
  }

  /** The datagram as its receiver sees it: local and remote swapped. */
  public Datagram reversed() {
    return withAddresses(remote, local);
  }

  @Override
  public String toString() {
    return transport + " local=" + local + " remote=" + remote + " " + length + "B";
  }
}
