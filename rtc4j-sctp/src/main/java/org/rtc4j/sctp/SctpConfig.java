package org.rtc4j.sctp;

/**
 * How an {@link SctpAssociation} behaves: ports, sizes, timers and the extensions it offers. Built
 * with {@link #builder()}; the defaults are WebRTC's (RFC 8831, RFC 8841) and what browsers' SCTP
 * stacks use. Immutable.
 *
 * @param localPort our SCTP port, from our SDP's {@code a=sctp-port} (default 5000)
 * @param remotePort the peer's, from its {@code a=sctp-port} (default 5000)
 * @param mtu the largest SCTP packet we send, in bytes (default 1200); no packet exceeds it
 * @param maxMessageSize the largest message we accept and, until {@link
 *     SctpAssociation#setRemoteMaxMessageSize} says otherwise, the largest we send: our SDP's
 *     {@code a=max-message-size} (default 256 KiB)
 * @param receiveBufferSize bytes of received data held at most while messages are reassembled and
 *     not yet polled; seven eighths of it are advertised to the peer as our window, the rest kept
 *     for the chunks that fill gaps (default 5 MiB, as dcSCTP; at least maxMessageSize)
 * @param sendBufferSize bytes of messages queued and not yet sent at most, over all streams; beyond
 *     it {@code send} returns {@link SendStatus#BUFFER_FULL} (default 4 MiB)
 * @param initialRtoNanos the retransmission timeout before any round trip is measured (default 1 s)
 * @param minRtoNanos the lowest retransmission timeout (default 400 ms, as dcSCTP: above the
 *     delayed-SACK time, so that a lone packet's delayed SACK does not race its retransmission)
 * @param maxRtoNanos the highest retransmission timeout, after backing off (default 60 s)
 * @param delayedAckNanos how long a SACK may wait for a second packet (default 200 ms, RFC 9260
 *     §6.2)
 * @param heartbeatIntervalNanos how often an idle association checks that the peer is alive
 *     (default 30 s); 0 turns heartbeats off
 * @param maxRetransmissions consecutive unanswered retransmissions and heartbeats after which the
 *     peer is taken for dead (default 10, RFC 9260's Association.Max.Retrans)
 * @param maxInitRetransmissions INIT and COOKIE-ECHO retransmissions before the handshake fails
 *     (default 8, RFC 9260's Max.Init.Retransmits)
 * @param cookieLifetimeNanos how long a state cookie we hand out stays valid (default 60 s)
 * @param interleaving whether to offer I-DATA (RFC 8260), used when both sides offer it, so that
 *     one large message does not hold up the others (default true)
 * @param partialReliability whether to offer PR-SCTP (RFC 3758), needed for maxRetransmits and
 *     maxPacketLifeTime channels (default true)
 * @param zeroChecksum whether to offer and accept zero checksums (RFC 9653): when both sides offer
 *     it, packets carry no CRC32c, DTLS's integrity check being enough (default false)
 */
public record SctpConfig(
    int localPort,
    int remotePort,
    int mtu,
    int maxMessageSize,
    long receiveBufferSize,
    long sendBufferSize,
    long initialRtoNanos,
    long minRtoNanos,
    long maxRtoNanos,
    long delayedAckNanos,
    long heartbeatIntervalNanos,
    int maxRetransmissions,
    int maxInitRetransmissions,
    long cookieLifetimeNanos,
    boolean interleaving,
    boolean partialReliability,
    boolean zeroChecksum) {

  /** The smallest MTU we run with: room for a chunk header and some data in every packet. */
  public static final int MIN_MTU = 256;

  /**
   * @throws IllegalArgumentException if a value is out of range
   */
  public SctpConfig {
    port(localPort, "localPort");
    port(remotePort, "remotePort");
    if (mtu < MIN_MTU || mtu > 65535) {
      throw new IllegalArgumentException("mtu must be in [" + MIN_MTU + ", 65535]: " + mtu);
    }
    if (maxMessageSize < 1) {
      throw new IllegalArgumentException("maxMessageSize must be positive: " + maxMessageSize);
    }
    if (receiveBufferSize < maxMessageSize || receiveBufferSize > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "receiveBufferSize must hold a whole message and fit in 32 bits: " + receiveBufferSize);
    }
    if (sendBufferSize < 1) {
      throw new IllegalArgumentException("sendBufferSize must be positive: " + sendBufferSize);
    }
    if (minRtoNanos <= 0 || initialRtoNanos < minRtoNanos || maxRtoNanos < initialRtoNanos) {
      throw new IllegalArgumentException(
          "need 0 < minRto <= initialRto <= maxRto: "
              + minRtoNanos
              + ", "
              + initialRtoNanos
              + ", "
              + maxRtoNanos);
    }
    if (delayedAckNanos < 0 || heartbeatIntervalNanos < 0 || cookieLifetimeNanos <= 0) {
      throw new IllegalArgumentException("timer values must not be negative");
    }
    if (maxRetransmissions < 1 || maxInitRetransmissions < 0) {
      throw new IllegalArgumentException("retransmission limits out of range");
    }
  }

  private static void port(int port, String name) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " must be in [1, 65535]: " + port);
    }
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.localPort = localPort;
    b.remotePort = remotePort;
    b.mtu = mtu;
    b.maxMessageSize = maxMessageSize;
    b.receiveBufferSize = receiveBufferSize;
    b.sendBufferSize = sendBufferSize;
    b.initialRtoNanos = initialRtoNanos;
    b.minRtoNanos = minRtoNanos;
    b.maxRtoNanos = maxRtoNanos;
    b.delayedAckNanos = delayedAckNanos;
    b.heartbeatIntervalNanos = heartbeatIntervalNanos;
    b.maxRetransmissions = maxRetransmissions;
    b.maxInitRetransmissions = maxInitRetransmissions;
    b.cookieLifetimeNanos = cookieLifetimeNanos;
    b.interleaving = interleaving;
    b.partialReliability = partialReliability;
    b.zeroChecksum = zeroChecksum;
    return b;
  }

  /** Builds an {@link SctpConfig}; every setter's default is the record component's. */
  public static final class Builder {
    private int localPort = 5000;
    private int remotePort = 5000;
    private int mtu = 1200;
    private int maxMessageSize = 256 * 1024;
    private long receiveBufferSize = 5L << 20;
    private long sendBufferSize = 4L << 20;
    private long initialRtoNanos = 1_000_000_000L;
    private long minRtoNanos = 400_000_000L;
    private long maxRtoNanos = 60_000_000_000L;
    private long delayedAckNanos = 200_000_000L;
    private long heartbeatIntervalNanos = 30_000_000_000L;
    private int maxRetransmissions = 10;
    private int maxInitRetransmissions = 8;
    private long cookieLifetimeNanos = 60_000_000_000L;
    private boolean interleaving = true;
    private boolean partialReliability = true;
    private boolean zeroChecksum = false;

    private Builder() {}

    /** Our SCTP port (default 5000). */
    public Builder localPort(int port) {
      this.localPort = port;
      return this;
    }

    /** The peer's SCTP port (default 5000). */
    public Builder remotePort(int port) {
      this.remotePort = port;
      return this;
    }

    /** The largest packet sent (default 1200 bytes). */
    public Builder mtu(int bytes) {
      this.mtu = bytes;
      return this;
    }

    /** The largest message accepted, and sent until the peer's limit is known (default 256 KiB). */
    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = bytes;
      return this;
    }

    /** The receive buffer, seven eighths advertised as our window (default 5 MiB). */
    public Builder receiveBufferSize(long bytes) {
      this.receiveBufferSize = bytes;
      return this;
    }

    /** The send buffer over all streams (default 4 MiB). */
    public Builder sendBufferSize(long bytes) {
      this.sendBufferSize = bytes;
      return this;
    }

    /** The initial, lowest and highest retransmission timeouts (default 1 s, 400 ms, 60 s). */
    public Builder rto(long initialNanos, long minNanos, long maxNanos) {
      this.initialRtoNanos = initialNanos;
      this.minRtoNanos = minNanos;
      this.maxRtoNanos = maxNanos;
      return this;
    }

    /** The longest a SACK waits (default 200 ms). */
    public Builder delayedAckNanos(long nanos) {
      this.delayedAckNanos = nanos;
      return this;
    }

    /** The heartbeat interval, 0 for none (default 30 s). */
    public Builder heartbeatIntervalNanos(long nanos) {
      this.heartbeatIntervalNanos = nanos;
      return this;
    }

    /** Consecutive failures before the peer is taken for dead (default 10). */
    public Builder maxRetransmissions(int count) {
      this.maxRetransmissions = count;
      return this;
    }

    /** INIT and COOKIE-ECHO retransmissions before the handshake fails (default 8). */
    public Builder maxInitRetransmissions(int count) {
      this.maxInitRetransmissions = count;
      return this;
    }

    /** How long our state cookies stay valid (default 60 s). */
    public Builder cookieLifetimeNanos(long nanos) {
      this.cookieLifetimeNanos = nanos;
      return this;
    }

    /** Whether to offer I-DATA (default true). */
    public Builder interleaving(boolean offer) {
      this.interleaving = offer;
      return this;
    }

    /** Whether to offer PR-SCTP (default true). */
    public Builder partialReliability(boolean offer) {
      this.partialReliability = offer;
      return this;
    }

    /** Whether to offer zero checksums (default false). */
    public Builder zeroChecksum(boolean offer) {
      this.zeroChecksum = offer;
      return this;
    }

    /**
     * @throws IllegalArgumentException if a value is out of range
     */
    public SctpConfig build() {
      return new SctpConfig(
          localPort,
          remotePort,
          mtu,
          maxMessageSize,
          receiveBufferSize,
          sendBufferSize,
          initialRtoNanos,
          minRtoNanos,
          maxRtoNanos,
          delayedAckNanos,
          heartbeatIntervalNanos,
          maxRetransmissions,
          maxInitRetransmissions,
          cookieLifetimeNanos,
          interleaving,
          partialReliability,
          zeroChecksum);
    }
  }
}
