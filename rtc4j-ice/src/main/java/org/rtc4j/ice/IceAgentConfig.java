package org.rtc4j.ice;

import java.util.Objects;
import org.rtc4j.common.Time;
import org.rtc4j.stun.StunRetransmission;

/**
 * How an {@link IceAgent} behaves. Build with {@link #builder()}; every setting has a default.
 *
 * @param controlling whether the agent starts as the controlling agent (the offerer, in JSEP)
 * @param credentials our ufrag and password, or null to make random ones
 * @param paceNanos Ta, the interval between two checks (RFC 8445 §14.2); default 50 ms
 * @param checkRetransmission how a check is retransmitted; default RTO 500 ms (RFC 8445 §14.3), at
 *     most 7 sends with intervals capped at 1.6 s, then 8 s of waiting
 * @param maxPairs the check list's limit (RFC 8445 §6.1.2.5); default 100
 * @param nominationDelayNanos how long the controlling agent waits, after the first pair works, for
 *     a better one before it nominates; default 500 ms
 * @param maxQueuedDatagrams how many responses may wait to be sent; default 256
 * @param consentIntervalNanos the mean interval of consent checks on the selected pair (RFC 7675
 *     §5.1: 5 s, randomised by ±20% per check)
 * @param disconnectedAfterNanos how long without a consent response before the state becomes {@link
 *     IceConnectionState#DISCONNECTED}; default 7 s
 * @param consentTimeoutNanos how long without a consent response before consent is lost (RFC 7675
 *     §5.1: 30 s); the agent then moves to another working pair or fails
 */
public record IceAgentConfig(
    boolean controlling,
    IceCredentials credentials,
    long paceNanos,
    StunRetransmission checkRetransmission,
    int maxPairs,
    long nominationDelayNanos,
    int maxQueuedDatagrams,
    long consentIntervalNanos,
    long disconnectedAfterNanos,
    long consentTimeoutNanos,
    boolean lite,
    boolean aggressiveNomination,
    boolean mdnsHostNames) {

  /**
   * @throws IllegalArgumentException if a value is out of range
   */
  public IceAgentConfig {
    Objects.requireNonNull(checkRetransmission, "checkRetransmission");
    if (paceNanos <= 0 || maxPairs < 1 || nominationDelayNanos < 0 || maxQueuedDatagrams < 1) {
      throw new IllegalArgumentException("pace, maxPairs and maxQueuedDatagrams must be positive");
    }
    if (lite && controlling) {
      throw new IllegalArgumentException("an ICE-lite agent is always controlled");
    }
    if (consentIntervalNanos <= 0
        || disconnectedAfterNanos <= 0
        || consentTimeoutNanos < disconnectedAfterNanos) {
      throw new IllegalArgumentException(
          "need positive consent interval and 0 < disconnectedAfter <= consentTimeout");
    }
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link IceAgentConfig}. */
  public static final class Builder {
    private boolean controlling;
    private IceCredentials credentials;
    private long paceNanos = Time.millis(50);
    private StunRetransmission checkRetransmission =
        StunRetransmission.DEFAULT.withMaxRto(Time.millis(1600)).withLastWaitFactor(16);
    private int maxPairs = 100;
    private long nominationDelayNanos = Time.millis(500);
    private int maxQueuedDatagrams = 256;
    private long consentIntervalNanos = Time.seconds(5);
    private long disconnectedAfterNanos = Time.seconds(7);
    private long consentTimeoutNanos = Time.seconds(30);
    private boolean lite;
    private boolean aggressiveNomination;
    private boolean mdnsHostNames;

    private Builder() {}

    /** Start as the controlling agent; default false (controlled). */
    public Builder controlling(boolean value) {
      this.controlling = value;
      return this;
    }

    /** Use these credentials instead of random ones. */
    public Builder credentials(IceCredentials value) {
      this.credentials = value;
      return this;
    }

    /** Ta, the pacing interval of checks; default 50 ms. */
    public Builder paceNanos(long value) {
      this.paceNanos = value;
      return this;
    }

    /** Retransmission of checks. */
    public Builder checkRetransmission(StunRetransmission value) {
      this.checkRetransmission = value;
      return this;
    }

    /** The check list's limit; default 100. */
    public Builder maxPairs(int value) {
      this.maxPairs = value;
      return this;
    }

    /** How long to wait for a better pair before nominating; default 500 ms. */
    public Builder nominationDelayNanos(long value) {
      this.nominationDelayNanos = value;
      return this;
    }

    /** How many responses may wait to be sent; default 256. */
    public Builder maxQueuedDatagrams(int value) {
      this.maxQueuedDatagrams = value;
      return this;
    }

    /** The mean interval of consent checks; default 5 s (RFC 7675). */
    public Builder consentIntervalNanos(long value) {
      this.consentIntervalNanos = value;
      return this;
    }

    /** How long without consent before DISCONNECTED; default 7 s. */
    public Builder disconnectedAfterNanos(long value) {
      this.disconnectedAfterNanos = value;
      return this;
    }

    /** How long without consent before it is lost; default 30 s (RFC 7675). */
    public Builder consentTimeoutNanos(long value) {
      this.consentTimeoutNanos = value;
      return this;
    }

    /** Be an ICE-lite agent; default false (full ICE). A lite agent is never controlling. */
    public Builder lite(boolean value) {
      this.lite = value;
      return this;
    }

    /** Nominate aggressively when controlling; default false (regular nomination). */
    public Builder aggressiveNomination(boolean value) {
      this.aggressiveNomination = value;
      return this;
    }

    /** Announce host candidates under mDNS names; default false (IP addresses). */
    public Builder mdnsHostNames(boolean value) {
      this.mdnsHostNames = value;
      return this;
    }

    /** The configuration. */
    public IceAgentConfig build() {
      return new IceAgentConfig(
          controlling,
          credentials,
          paceNanos,
          checkRetransmission,
          maxPairs,
          nominationDelayNanos,
          maxQueuedDatagrams,
          consentIntervalNanos,
          disconnectedAfterNanos,
          consentTimeoutNanos,
          lite,
          aggressiveNomination,
          mdnsHostNames);
    }
  }
}
