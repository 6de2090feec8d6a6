package org.rtc4j.dtls.handshake;

import java.util.Arrays;

/**
 * The data of the use_srtp extension (RFC 5764 §4.1.1): the SRTP protection profiles offered (by a
 * client) or chosen (by a server, exactly one), and the MKI.
 *
 * <pre>
 * uint8 SRTPProtectionProfile[2];
 * struct {
 *   SRTPProtectionProfile SRTPProtectionProfiles&lt;2..2^16-1&gt;;
 *   opaque srtp_mki&lt;0..255&gt;;
 * } UseSRTPData;
 * </pre>
 *
 * @param profiles the profiles' u16 code points (see {@link org.rtc4j.dtls.SrtpProfile}), at least
 *     one (copied)
 * @param mki the srtp_mki, usually empty (copied)
 */
public record UseSrtp(int[] profiles, byte[] mki) {
  /**
   * @throws IllegalArgumentException if there are no profiles, one does not fit 16 bits, the MKI is
   *     longer than 255 bytes, or the whole is too long for an extension's data
   */
  public UseSrtp {
    profiles = Vectors.copyU16s(profiles, 1, (Vectors.MAX_U16 - 1) / 2, "SRTPProtectionProfiles");
    mki = Vectors.copy(mki, 0, Vectors.MAX_U8, "srtp_mki");
    if (encodedLength(profiles, mki) > Vectors.MAX_U16) {
      throw new IllegalArgumentException(
          "use_srtp data of " + encodedLength(profiles, mki) + " bytes is too long");
    }
  }

  private static int encodedLength(int[] profiles, byte[] mki) {
    return 2 + 2 * profiles.length + 1 + mki.length;
  }

  @Override
  public int[] profiles() {
    return profiles.clone();
  }

  @Override
  public byte[] mki() {
    return mki.clone();
  }

  /** Whether {@code profile} is among the profiles. */
  public boolean offers(int profile) {
    for (int p : profiles) {
      if (p == profile) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UseSrtp other
        && Arrays.equals(profiles, other.profiles)
        && Arrays.equals(mki, other.mki);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(profiles) * 31 + Arrays.hashCode(mki);
  }

  @Override
  public String toString() {
    return "UseSrtp[profiles " + Vectors.hex(profiles) + ", mki " + Vectors.hex(mki) + "]";
  }
}
