package org.rtc4j.srtp.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B.3: the key derivation test vectors. */
class SrtpKdfTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] MASTER_KEY = HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139");
  private static final byte[] MASTER_SALT = HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6");

  @Test
  void derivesTheCipherKey() {
    assertArrayEquals(
        HEX.parseHex("C61E7A93744F39EE10734AFE3FF7A087"),
        new SrtpKdf(MASTER_KEY, MASTER_SALT).derive(SrtpKdf.SRTP_ENCRYPTION, 16));
  }

  @Test
  void derivesTheCipherSalt() {
    assertArrayEquals(
        HEX.parseHex("30CBBC08863D8C85D49DB34A9AE1"),
        new SrtpKdf(MASTER_KEY, MASTER_SALT).derive(SrtpKdf.SRTP_SALT, 14));
  }

  @Test
  void derivesThe94ByteAuthKeyOverSixCounterBlocks() {
    assertArrayEquals(
        HEX.parseHex(
            "CEBE321F6FF7716B6FD4AB49AF256A15"
                + "6D38BAA48F0A0ACF3C34E2359E6CDBCE"
                + "E049646C43D9327AD175578EF7227098"
                + "6371C10C9A369AC2F94A8C5FBCDDDC25"
                + "6D6E919A48B610EF17C2041E47403576"
                + "6B68642C59BBFC2F34DB60DBDFB2"),
        new SrtpKdf(MASTER_KEY, MASTER_SALT).derive(SrtpKdf.SRTP_AUTHENTICATION, 94));
  }

  @Test
  void aTwelveByteSaltIsPaddedOnTheRight() {
    // RFC 7714 §11: the 96-bit GCM master salt is the first 12 of the PRF's 14 salt bytes.
    byte[] salt12 = java.util.Arrays.copyOf(MASTER_SALT, 12);
    byte[] salt14 = java.util.Arrays.copyOf(MASTER_SALT, 14);
    salt14[12] = 0;
    salt14[13] = 0;
    assertArrayEquals(
        new SrtpKdf(MASTER_KEY, salt14).derive(SrtpKdf.SRTCP_SALT, 12),
        new SrtpKdf(MASTER_KEY, salt12).derive(SrtpKdf.SRTCP_SALT, 12));
  }

  @Test
  void refusesSaltsOfOtherLengths() {
    assertThrows(IllegalArgumentException.class, () -> new SrtpKdf(MASTER_KEY, new byte[13]));
  }
}
