package org.rtc4j.testkit;

import java.util.Objects;
import org.rtc4j.common.Time;

/**
 * How one direction of a link between two hosts treats the packets it carries. Immutable; build one
 * with {@link #builder()}, or start from {@link #ideal()} or {@link #down()}.
 *
 * <p>Every setting defaults to zero or off, so an unconfigured link delivers every packet at once,
 * in order, whatever its size:
 *
 * <ul>
 *   <li>{@link #delayNanos()}: fixed one-way latency; default 0.
 *   <li>{@link #jitterNanos()}: extra delay, uniform in {@code [0, jitter]}; jitter alone never
 *       makes packets overtake one another; default 0.
 *   <li>{@link #loss()}: probability that a packet is lost; default 0.
 *   <li>{@link #duplication()}: probability that a packet arrives twice; default 0.
 *   <li>{@link #reorder()}: probability that a packet is held back by {@link #reorderDelayNanos()},
 *       so that packets sent after it overtake it; default 0.
 *   <li>{@link #reorderDelayNanos()}: how long a reordered packet is held back; default the delay,
 *       or 10 ms when the delay is 0.
 *   <li>{@link #mtu()}: largest UDP payload, in bytes, that the link carries; larger ones are
 *       dropped; default {@link #UNLIMITED_MTU}.
 *   <li>{@link #bandwidthBitsPerSecond()}: serialization rate, one packet at a time; default 0,
 *       which is unlimited.
 *   <li>{@link #maxQueueDelayNanos()}: with a bandwidth, how long a packet may wait for the link
 *       before it is dropped (drop-tail); default 1 s.
 * </ul>
 *
 * <p>Bandwidth counts payload bytes only, not IP or UDP headers.
 */
public final class LinkConfig {
  /** The {@link #mtu()} of a link that carries payloads of any size. */
  public static final int UNLIMITED_MTU = Integer.MAX_VALUE;

  /** How long a reordered packet is held back when neither it nor the delay is set: 10 ms. */
  public static final long DEFAULT_REORDER_DELAY_NANOS = Time.millis(10);

  /** How long a packet may queue for a rate-limited link, unless set: 1 s. */
  public static final long DEFAULT_MAX_QUEUE_DELAY_NANOS = Time.seconds(1);

  private static final LinkConfig IDEAL = builder().build();
  private static final LinkConfig DOWN = builder().loss(1.0).build();

  private final long delayNanos;
  private final long jitterNanos;
  private final double loss;
  private final double duplication;
  private final double reorder;
  private final long reorderDelayNanos; // -1: derived from the delay
  private final int mtu;
  private final long bandwidthBitsPerSecond;
  private final long maxQueueDelayNanos;

  private LinkConfig(Builder b) {
    this.delayNanos = b.delayNanos;
    this.jitterNanos = b.jitterNanos;
    this.loss = b.loss;
    this.duplication = b.duplication;
    this.reorder = b.reorder;
    this.reorderDelayNanos = b.reorderDelayNanos;
    this.mtu = b.mtu;
    this.bandwidthBitsPerSecond = b.bandwidthBitsPerSecond;
    this.maxQueueDelayNanos = b.maxQueueDelayNanos;
  }

  /** A builder with every setting at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A link with no delay, no loss and no limits: every setting at its default. */
  public static LinkConfig ideal() {
    return IDEAL;
  }

  /** A cut link: it loses every packet (loss 1.0), and counts each as lost. */
  public static LinkConfig down() {
    return DOWN;
  }

  /** A builder that starts from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.delayNanos = delayNanos;
    b.jitterNanos = jitterNanos;
    b.loss = loss;
    b.duplication = duplication;
    b.reorder = reorder;
    b.reorderDelayNanos = reorderDelayNanos;
    b.mtu = mtu;
    b.bandwidthBitsPerSecond = bandwidthBitsPerSecond;
    b.maxQueueDelayNanos = maxQueueDelayNanos;
    return b;
  }

  /** Fixed one-way latency, in nanoseconds. */
  public long delayNanos() {
    return delayNanos;
  }

  /** Upper bound of the uniform extra delay, in nanoseconds. */
  public long jitterNanos() {
    return jitterNanos;
  }

  /** Probability, in {@code [0, 1]}, that a packet is lost. */
  public double loss() {
    return loss;
  }

  /** Probability, in {@code [0, 1]}, that a packet is delivered twice. */
  public double duplication() {
    return duplication;
  }

  /** Probability, in {@code [0, 1]}, that a packet is held back so that later ones overtake it. */
  public double reorder() {
    return reorder;
  }

  /**
   * How long a reordered packet is held back beyond its normal arrival, in nanoseconds: as set, or
   * else the delay, or else {@link #DEFAULT_REORDER_DELAY_NANOS} when the delay is 0.
   */
  public long reorderDelayNanos() {
    if (reorderDelayNanos >= 0) {
      return reorderDelayNanos;
    }
    return delayNanos > 0 ? delayNanos : DEFAULT_REORDER_DELAY_NANOS;
  }

  /** The largest UDP payload, in bytes, that the link carries. */
  public int mtu() {
    return mtu;
  }

  /** The serialization rate in bits per second; 0 means unlimited. */
  public long bandwidthBitsPerSecond() {
    return bandwidthBitsPerSecond;
  }

  /**
   * With a bandwidth set, the longest a packet may wait for the link, in nanoseconds; a packet that
   * would wait longer is dropped.
   */
  public long maxQueueDelayNanos() {
    return maxQueueDelayNanos;
  }

  /** Whether the link loses every packet. */
  public boolean isDown() {
    return loss >= 1.0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkConfig c
        && delayNanos == c.delayNanos
        && jitterNanos == c.jitterNanos
        && Double.compare(loss, c.loss) == 0
        && Double.compare(duplication, c.duplication) == 0
        && Double.compare(reorder, c.reorder) == 0
        && reorderDelayNanos == c.reorderDelayNanos
        && mtu == c.mtu
        && bandwidthBitsPerSecond == c.bandwidthBitsPerSecond
        && maxQueueDelayNanos == c.maxQueueDelayNanos;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        delayNanos,
        jitterNanos,
        loss,
        duplication,
        reorder,
        reorderDelayNanos,
        mtu,
        bandwidthBitsPerSecond,
        maxQueueDelayNanos);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("LinkConfig[delay=").append(delayNanos).append("ns");
    if (jitterNanos > 0) {
      s.append(", jitter=").append(jitterNanos).append("ns");
    }
    if (loss > 0) {
      s.append(", loss=").append(loss);
    }
    if (duplication > 0) {
      s.append(", duplication=").append(duplication);
    }
    if (reorder > 0) {
      s.append(", reorder=").append(reorder);
      s.append(", reorderDelay=").append(reorderDelayNanos()).append("ns");
    }
    if (mtu != UNLIMITED_MTU) {
      s.append(", mtu=").append(mtu);
    }
    if (bandwidthBitsPerSecond > 0) {
      s.append(", bandwidth=").append(bandwidthBitsPerSecond).append("bps");
      s.append(", maxQueueDelay=").append(maxQueueDelayNanos).append("ns");
    }
    return s.append(']').toString();
  }

  /** Builds a {@link LinkConfig}; each setter checks its argument at once. */
  public static final class Builder {
    private long delayNanos;
    private long jitterNanos;
    private double loss;
    private double duplication;
    private double reorder;
    private long reorderDelayNanos = -1;
    private int mtu = UNLIMITED_MTU;
    private long bandwidthBitsPerSecond;
    private long maxQueueDelayNanos = DEFAULT_MAX_QUEUE_DELAY_NANOS;

    private Builder() {}

    /**
     * Fixed one-way latency.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder delayNanos(long nanos) {
      this.delayNanos = duration("delay", nanos);
      return this;
    }

    /**
     * Upper bound of the extra delay, drawn uniformly from {@code [0, nanos]} for each packet.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder jitterNanos(long nanos) {
      this.jitterNanos = duration("jitter", nanos);
      return this;
    }

    /**
     * Probability that a packet is lost.
     *
     * @throws IllegalArgumentException unless in {@code [0, 1]}
     */
    public Builder loss(double probability) {
      this.loss = probability("loss", probability);
      return this;
    }

    /**
     * Probability that a packet is delivered twice.
     *
     * @throws IllegalArgumentException unless in {@code [0, 1]}
     */
    public Builder duplication(double probability) {
      this.duplication = probability("duplication", probability);
      return this;
    }

    /**
     * Probability that a packet is held back so that packets sent after it overtake it.
     *
     * @throws IllegalArgumentException unless in {@code [0, 1]}
     */
    public Builder reorder(double probability) {
      this.reorder = probability("reorder", probability);
      return this;
    }

    /**
     * How long a reordered packet is held back beyond its normal arrival.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder reorderDelayNanos(long nanos) {
      this.reorderDelayNanos = duration("reorder delay", nanos);
      return this;
    }

    /**
     * The largest UDP payload, in bytes, the link carries ({@link #UNLIMITED_MTU} for any).
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder mtu(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("mtu must be positive: " + bytes);
      }
      this.mtu = bytes;
      return this;
    }

    /**
     * The serialization rate; 0 means unlimited.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder bandwidthBitsPerSecond(long bitsPerSecond) {
      if (bitsPerSecond < 0) {
        throw new IllegalArgumentException("bandwidth must not be negative: " + bitsPerSecond);
      }
      this.bandwidthBitsPerSecond = bitsPerSecond;
      return this;
    }

    /**
     * With a bandwidth set, the longest a packet may queue for the link before it is dropped.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxQueueDelayNanos(long nanos) {
      this.maxQueueDelayNanos = duration("max queue delay", nanos);
      return this;
    }

    /** The configuration. */
    public LinkConfig build() {
      return new LinkConfig(this);
    }

    private static long duration(String what, long nanos) {
      if (nanos < 0) {
        throw new IllegalArgumentException(what + " must not be negative: " + nanos + " ns");
      }
      return nanos;
    }

    private static double probability(String what, double p) {
      if (!(p >= 0.0 && p <= 1.0)) { // also rejects NaN
        throw new IllegalArgumentException(what + " probability must be in [0, 1]: " + p);
      }
      return p;
    }
  }
}
