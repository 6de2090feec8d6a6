package org.rtc4j.sdp;

/**
 * The H.264 profiles that an H.264 {@code profile-level-id} names (RFC 6184 §8.1): what {@link
 * Codec#matches} compares of two H.264 formats, leaving the level aside. Kept apart from {@link
 * Codec} because the table of profile_idc and profile-iop bit patterns is a codec detail of its
 * own.
 */
enum H264Profile {
  CONSTRAINED_BASELINE,
  BASELINE,
  MAIN,
  EXTENDED,
  HIGH,
  CONSTRAINED_HIGH,
  HIGH_10,
  HIGH_422,
  HIGH_444,
  HIGH_10_INTRA,
  HIGH_422_INTRA,
  HIGH_444_INTRA,
  CAVLC_444_INTRA;

  /** RFC 6184 §8.1: without {@code profile-level-id}, Baseline at level 1.0 is meant. */
  static final String DEFAULT_PROFILE_LEVEL_ID = "42000a";

  /**
   * RFC 6184 §8.1 Table 5, in its order (the first row that fits names the profile), with
   * Constrained High (H.264 Annex A: High with constraint_set4 and constraint_set5) added. A
   * pattern reads the profile-iop byte from its most significant bit: {@code 1} and {@code 0} must
   * be so, {@code x} may be either.
   */
  private static final Row[] TABLE = {
    new Row(0x42, "x1xx0000", CONSTRAINED_BASELINE),
    new Row(0x4D, "1xxx0000", CONSTRAINED_BASELINE),
    new Row(0x58, "11xx0000", CONSTRAINED_BASELINE),
    new Row(0x42, "x0xx0000", BASELINE),
    new Row(0x58, "10xx0000", BASELINE),
    new Row(0x4D, "0x0x0000", MAIN),
    new Row(0x58, "00xx0000", EXTENDED),
    new Row(0x64, "00000000", HIGH),
    new Row(0x64, "00001100", CONSTRAINED_HIGH),
    new Row(0x6E, "00000000", HIGH_10),
    new Row(0x7A, "00000000", HIGH_422),
    new Row(0xF4, "00000000", HIGH_444),
    new Row(0x6E, "00010000", HIGH_10_INTRA),
    new Row(0x7A, "00010000", HIGH_422_INTRA),
    new Row(0xF4, "00010000", HIGH_444_INTRA),
    new Row(0x2C, "00010000", CAVLC_444_INTRA),
  };

  /** One row of Table 5: a profile_idc, a profile-iop pattern and the profile they name. */
  private record Row(int profileIdc, int mask, int value, H264Profile profile) {
    Row(int profileIdc, String pattern, H264Profile profile) {
      this(profileIdc, bits(pattern, 'x', false), bits(pattern, '1', true), profile);
    }

    /** The byte with a 1 wherever {@code pattern} has {@code c} (or, if {@code not}, has not). */
    private static int bits(String pattern, char c, boolean equal) {
      int b = 0;
      for (int i = 0; i < 8; i++) {
        if ((pattern.charAt(i) == c) == equal) {
          b |= 0x80 >>> i;
        }
      }
      return b;
    }

    boolean fits(int idc, int iop) {
      return idc == profileIdc && (iop & mask) == value;
    }
  }

  /**
   * Whether two {@code profile-level-id} values (null when absent) name the same profile, whatever
   * their levels: both in the same row group of Table 5, or, for a pair the table does not know,
   * the same profile_idc and profile-iop. A malformed value matches nothing.
   */
  static boolean same(String profileLevelId, String other) {
    int[] a = profileBytes(profileLevelId);
    int[] b = profileBytes(other);
    if (a == null || b == null) {
      return false;
    }
    H264Profile pa = of(a[0], a[1]);
    H264Profile pb = of(b[0], b[1]);
    if (pa != null || pb != null) {
      return pa == pb;
    }
    return a[0] == b[0] && a[1] == b[1];
  }

  /** The profile of profile_idc and profile-iop, or null if Table 5 has no row for them. */
  static H264Profile of(int profileIdc, int profileIop) {
    for (Row row : TABLE) {
      if (row.fits(profileIdc, profileIop)) {
        return row.profile;
      }
    }
    return null;
  }

  /**
   * The profile_idc and profile-iop of a {@code profile-level-id} (six hex digits; RFC 6184 §8.1),
   * the default's when null, or null if it is malformed.
   */
  private static int[] profileBytes(String profileLevelId) {
    String id = profileLevelId == null ? DEFAULT_PROFILE_LEVEL_ID : profileLevelId.strip();
    if (id.length() != 6) {
      return null;
    }
    for (int i = 0; i < 6; i++) {
      if ("0123456789abcdefABCDEF".indexOf(id.charAt(i)) < 0) {
        return null;
      }
    }
    return new int[] {
      Integer.parseInt(id.substring(0, 2), 16), Integer.parseInt(id.substring(2, 4), 16)
    };
  }
}
