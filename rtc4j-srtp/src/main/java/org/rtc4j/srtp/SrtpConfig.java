package org.rtc4j.srtp;

import java.util.Objects;

/**
 * The limits of an {@link SrtpSession}.
 *
 * @param replayWindow how many packet indices behind the highest one each SSRC's replay window
 *     spans (RFC 3711 §3.3.2), for SRTP and SRTCP alike: a power of two from 64, the RFC's minimum,
 *     to 32768. Video sent in bursts, or reordered across paths, wants more, e.g. 1024.
 * @param maxSsrcs how many SSRCs the session keeps contexts for in each direction, 1 to 65536. A
 *     context is made for a received SSRC only once one of its packets has authenticated, so only a
 *     holder of the keys can make the session allocate; this bounds even that.
 * @param gcm what computes the GCM profiles: {@link GcmImplementation#ALLOCATION_FREE} allocates
 *     nothing per packet, {@link GcmImplementation#JDK_CIPHER} is about three times as fast but
 *     allocates about 950 bytes per packet
 */
public record SrtpConfig(int replayWindow, int maxSsrcs, GcmImplementation gcm) {
  /** A window of 64, up to 256 SSRCs each way, and the allocation-free GCM. */
  public static final SrtpConfig DEFAULT =
      new SrtpConfig(64, 256, GcmImplementation.ALLOCATION_FREE);

  /** The largest replay window. */
  public static final int MAX_REPLAY_WINDOW = 1 << 15;

  /** The most SSRCs per direction. */
  public static final int MAX_SSRCS = 1 << 16;

  /** Limits with the allocation-free GCM. */
  public SrtpConfig(int replayWindow, int maxSsrcs) {
    this(replayWindow, maxSsrcs, GcmImplementation.ALLOCATION_FREE);
  }

  /** Checks the limits. */
  public SrtpConfig {
    Objects.requireNonNull(gcm, "gcm");
    if (replayWindow < 64
        || replayWindow > MAX_REPLAY_WINDOW
        || Integer.bitCount(replayWindow) != 1) {
      throw new IllegalArgumentException(
          "replayWindow must be a power of two from 64 to "
              + MAX_REPLAY_WINDOW
              + ": "
              + replayWindow);
    }
    if (maxSsrcs < 1 || maxSsrcs > MAX_SSRCS) {
      throw new IllegalArgumentException("maxSsrcs must be 1 to " + MAX_SSRCS + ": " + maxSsrcs);
    }
  }

  /** This configuration with another replay window. */
  public SrtpConfig withReplayWindow(int replayWindow) {
    return new SrtpConfig(replayWindow, maxSsrcs, gcm);
  }

  /** This configuration with another SSRC limit. */
  public SrtpConfig withMaxSsrcs(int maxSsrcs) {
    return new SrtpConfig(replayWindow, maxSsrcs, gcm);
  }

  /** This configuration with another GCM implementation. */
  public SrtpConfig withGcm(GcmImplementation gcm) {
    return new SrtpConfig(replayWindow, maxSsrcs, gcm);
  }
}
