package org.rtc4j.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rtc4j.dtls.SrtpKeyingMaterial;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.srtp.crypto.SrtpTransform;

/**
 * Packets protected by libsrtp 2.5.0 (Debian's libsrtp2-1, through {@code srtp_protect} and {@code
 * srtp_protect_rtcp} with a policy per profile), embedded as constants: rtc4j must protect the same
 * RTP packets to the same bytes, from the same master key and salt (so key derivation, the IV, the
 * ROC in the tag or IV, CSRCs, the header extension and padding all agree), and unprotect all of
 * libsrtp's packets. libsrtp numbers SRTCP packets from 1, rtc4j from 0 (RFC 3711 §3.3.1 has the
 * index start at 0); the SRTCP packets are compared through the transform at libsrtp's indices.
 *
 * <p>{@code src/test/resources/org/rtc4j/srtp/libsrtp-vectors.c} is the program that made them. The
 * master key and salt of each profile are bytes {@code 16·profile + 7·i + 1}, key then salt as
 * libsrtp takes them.
 */
class LibsrtpVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final int[] B_SEQUENCE = {65534, 65535, 0, 1};

  /** Packet A: the fixed header only, PT 96, SEQ 0x1234, SSRC 0xcafebabe, 40 bytes. */
  private static final String RTP_A =
      "80601234deadbeefcafebabe0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627"
          + "28292a2b2c2d2e2f30313233";

  /**
   * Packet B: P, X and two CSRCs, marker, PT 111, SSRC 0x11223344, a one-byte-header extension of
   * two words, 21 bytes of payload and 3 of padding; SEQ 65534, 65535, 0, 1 (the last two with ROC
   * 1), SEQ bytes zeroed here.
   */
  private static final String RTP_B =
      "b2ef00000102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6f606366696c6f7275"
          + "787b7e8184878a8d909396999c000003";

  /** A sender report and an SDES CNAME "rtc4j", 44 bytes, SSRC 0x11223344. */
  private static final String RTCP =
      "80c80006112233440102030405060708090a0b0c000000050000010081ca00031122334401057274"
          + "63346a00";

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of(
            SrtpProfile.AES128_CM_HMAC_SHA1_80,
            "11181f262d343b424950575e656c737a81888f969da4abb2b9c0c7ced5dc",
            new String[] {
              "80601234deadbeefcafebabe6329d2ba292335f5706d3999b665770578bfdba61b6ab085b4ad14ff"
                  + "a5949b59879ec02ed16ae51163ceeddb6e0a3c325055",
              "b2effffe0102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6fed8276e223711224"
                  + "d200e403ce2a54f90ee68dd0acf81ea1758adc30563b3221ed66",
              "b2efffff0102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6f63ebd8880fc745b2"
                  + "f60811ba3454347e491dd9ebd22f7ae0b010ce3bcbc7d1b943eb",
              "b2ef00000102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6f3b4e3e5079a9a889"
                  + "9819331f192fd74e462b1296021977921de576960071a1033770",
              "b2ef00010102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6fdbd02d09a1be9acf"
                  + "a8a351e6677f021a516208cabf28f40888bd9f9946a872967afd"
            },
            new String[] {
              "80c8000611223344dab4c521799c44ee4d92a4913258dec7a2c93a90ecefe373ee0a4c4ef4acd2f1"
                  + "984edb5180000001adbeb4b8cb537f3784e9",
              "80c80006112233445efaaf204145404b1bc0084c7b16e8f545c6138bfbbc8d430554276326188e32"
                  + "e83668f880000002079e03ba02d7fc642aa5"
            }),
        Arguments.of(
            SrtpProfile.AES128_CM_HMAC_SHA1_32,
            "21282f363d444b525960676e757c838a91989fa6adb4bbc2c9d0d7dee5ec",
            new String[] {
              "80601234deadbeefcafebabe5732ae366da6c9c01683568e6c85995d6aaeefaf7ab3e5c719ec3849"
                  + "b8e7314fc369b4e28cdd5f1c602cbeda",
              "b2effffe0102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6fb78c868d7989c161"
                  + "23aa2458e2c73c0c12ae85a831d9f4f0ad46466f",
              "b2efffff0102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6f8bcd984e06db2fae"
                  + "8fc7b00434b541e018d44512f28f2b5acc88df1f",
              "b2ef00000102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6fc49340aafd3a8fef"
                  + "7277e27598a9b853e0b635a48133d98dfdb6c966",
              "b2ef00010102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6fb4d2bbca65a803e9"
                  + "b16aed11118fc5acb91f750d0576c2d55cfd21bb"
            },
            new String[] {
              "80c8000611223344b23a89f6c33d639b32b4913a47a7c4a2e5067b1821aac1a239cb58c26861a270"
                  + "efaaec188000000110bbb999bbaa8d78ceac",
              "80c800061122334485a86b9510622a7bb226c8a919e7cb9aa02451d31eca5f5c911a815a5b5052b3"
                  + "81a5e5878000000257724b3f5ed78d77e273"
            }),
        Arguments.of(
            SrtpProfile.AEAD_AES_128_GCM,
            "71787f868d949ba2a9b0b7bec5ccd3dae1e8eff6fd040b121920272e",
            new String[] {
              "80601234deadbeefcafebabee9c17ea1af361ad79fc4a43badc092ba39d0182c537567c48934692e"
                  + "092eb72065c0d922b107a83ce5b0c51cf7e9d84523a404593e466d68",
              "b2effffe0102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6f3fbd62a2b3033f31"
                  + "b8b9a7dceb5f893b01f91ccd3b3b3d94f699b02cf3b6c81a40acef17722cc86e",
              "b2efffff0102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6fcd50fef44edf99f0"
                  + "a588155f3c95bc8587d042cf691a5bfcafd8149f12315ec8682613994b0f192b",
              "b2ef00000102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6f9126505ad7884d7a"
                  + "82cd7286be9b1be2700cfeeb9598e4d4536db1a5195fff80f7ab0fa2f6a57ddb",
              "b2ef00010102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6f028cb581e55729be"
                  + "3ec9c72a410721d9ddd797473b6afdb86dbaa9e7c88828b06e68d1ebc8c0d446"
            },
            new String[] {
              "80c8000611223344a3896fd91c75f716b512019e20a92ed5d556a28f10f3ec5076443fb2da47b554"
                  + "3a40739cc2ef44bd3f3ece82032ceb5a360dd03b80000001",
              "80c80006112233449d5753e577950c09bda30670d4aeb1dbcca17243f92e44b6cc05c195cf795ba3"
                  + "e562d9ae366655610bc23251f1c4625c3cf0e63680000002"
            }),
        Arguments.of(
            SrtpProfile.AEAD_AES_256_GCM,
            "81888f969da4abb2b9c0c7ced5dce3eaf1f8ff060d141b222930373e454c535a61686f767d848b92"
                + "99a0a7ae",
            new String[] {
              "80601234deadbeefcafebabee5a8d46112c2ca16cf09e96279ef302bbed0d6dd7c3879794642920a"
                  + "e9dccf7354134f662fe45c213543d82ad9fe4856b518cca2a7aed32b",
              "b2effffe0102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6f1113a5956aa2dc8d"
                  + "9a3626a3055df175e291a790882d0f22a493aa7c38ef393cbd8d95054f4606ea",
              "b2efffff0102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6f8171b38450e884ac"
                  + "2ab5a2d272c712d3a0cccb1da97001a0427b4f43b5617d28ff8a46a13222d8bb",
              "b2ef00000102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6ffa095b184aa03cb3"
                  + "12ab30b7e03ac1f772bb650686c06a82f7fb174ddc8fb8e25f28adc8b31c6e74",
              "b2ef00010102030411223344acadaeafb0b1b2b3bede000268696a6b6c6d6e6f66b37fb452ac8286"
                  + "7ac76ab7af6e6fe3057de93d0329e8ea11892002fb5ec4365acba8cdfe0da51b"
            },
            new String[] {
              "80c8000611223344bc2c29fab6f0b962e4517e019147f3051975144a9e9d515c08f665046c662eb8"
                  + "f03424fbecef48db4622df096c61af492eeacd3b80000001",
              "80c8000611223344c193b49b01d2aea7910ebb31ae571e81242f124e5f760385746c98d59df80e37"
                  + "c0bedf46ee4d548005263ff24985048c4b170c2280000002"
            }));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void protectsRtpAsLibsrtpDoes(SrtpProfile profile, String master, String[] srtp, String[] srtcp) {
    SrtpSession session = new SrtpSession(keys(profile, master));
    assertEquals(srtp[0], protect(session, HEX.parseHex(RTP_A)));
    for (int i = 0; i < B_SEQUENCE.length; i++) {
      assertEquals(srtp[1 + i], protect(session, rtpB(B_SEQUENCE[i])), "SEQ " + B_SEQUENCE[i]);
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void unprotectsWhatLibsrtpProtected(
      SrtpProfile profile, String master, String[] srtp, String[] srtcp) {
    SrtpSession session = new SrtpSession(keys(profile, master));
    assertEquals(RTP_A, unprotect(session, srtp[0], false));
    for (int i = 0; i < B_SEQUENCE.length; i++) {
      assertEquals(
          HEX.formatHex(rtpB(B_SEQUENCE[i])), unprotect(session, srtp[1 + i], false), "SEQ " + i);
    }
    assertEquals(RTCP, unprotect(session, srtcp[0], true));
    assertEquals(RTCP, unprotect(session, srtcp[1], true));
    assertEquals(0, session.drops().total(), session.drops().toString());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void protectsRtcpAsLibsrtpDoesAtItsIndices(
      SrtpProfile profile, String master, String[] srtp, String[] srtcp) {
    SrtpKeyingMaterial keys = keys(profile, master);
    SrtpTransform transform =
        SrtpTransform.fromMaster(profile, keys.localMasterKey(), keys.localMasterSalt());
    for (int index = 1; index <= 2; index++) {
      byte[] rtcp = HEX.parseHex(RTCP);
      byte[] buffer = Arrays.copyOf(rtcp, rtcp.length + transform.rtcpOverhead());
      int n = transform.protectRtcp(buffer, 0, rtcp.length, index);
      assertEquals(srtcp[index - 1], HEX.formatHex(buffer, 0, n));
    }
  }

  /** Both directions under libsrtp's key, so that the session can check its own output. */
  static SrtpKeyingMaterial keys(SrtpProfile profile, String master) {
    byte[] m = HEX.parseHex(master);
    byte[] key = Arrays.copyOf(m, profile.keyLength());
    byte[] salt = Arrays.copyOfRange(m, profile.keyLength(), m.length);
    return new SrtpKeyingMaterial(profile, key, salt, key.clone(), salt.clone());
  }

  private static byte[] rtpB(int seq) {
    byte[] b = HEX.parseHex(RTP_B);
    b[2] = (byte) (seq >>> 8);
    b[3] = (byte) seq;
    return b;
  }

  private static String protect(SrtpSession session, byte[] rtp) {
    byte[] buffer = Arrays.copyOf(rtp, rtp.length + session.rtpOverhead());
    int n = session.protectRtp(buffer, 0, rtp.length, buffer.length);
    return HEX.formatHex(buffer, 0, n);
  }

  private static String unprotect(SrtpSession session, String packet, boolean rtcp) {
    byte[] buffer = HEX.parseHex(packet);
    int n =
        rtcp
            ? session.unprotectRtcp(buffer, 0, buffer.length)
            : session.unprotectRtp(buffer, 0, buffer.length);
    return n < 0 ? SrtpDrop.fromResult(n).toString() : HEX.formatHex(buffer, 0, n);
  }
}
