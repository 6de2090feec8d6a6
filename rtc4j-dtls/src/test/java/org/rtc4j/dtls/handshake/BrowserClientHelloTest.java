package org.rtc4j.dtls.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.NamedGroup;
import org.rtc4j.dtls.SrtpProfile;

/** The captured Chromium 156 and Firefox 153 ClientHellos, reassembled and parsed. */
class BrowserClientHelloTest {
  private static final int DTLS_1_2 = 0xFEFD;
  private static final int DTLS_1_3 = 0xFEFC;
  private static final int X25519_MLKEM768 = 0x11EC;

  @Test
  void chromiumArrivesInTwoFragments() throws Exception {
    List<HandshakeFragment> fragments = BrowserHellos.fragments(BrowserHellos.CHROMIUM);
    assertEquals(2, fragments.size());
    assertEquals(1413, fragments.get(0).length());
    assertEquals(0, fragments.get(0).fragmentOffset());
    assertEquals(1175, fragments.get(0).fragmentLength());
    assertEquals(1175, fragments.get(1).fragmentOffset());
    assertEquals(238, fragments.get(1).fragmentLength());
    assertFalse(fragments.get(0).isComplete());
  }

  @Test
  void chromium() throws Exception {
    byte[] body = BrowserHellos.body(BrowserHellos.CHROMIUM);
    assertEquals(1413, body.length);
    ClientHello hello = ClientHello.parse(body);
    assertEquals(DTLS_1_2, hello.version());
    assertEquals(0, hello.sessionId().length);
    assertEquals(0, hello.cookie().length, "a first ClientHello has no cookie");
    assertArrayEquals(
        new int[] {
          0x1301, 0x1302, 0x1303, 0xC02B, 0xC02F, 0xCCA9, 0xCCA8, 0xC009, 0xC013, 0xC00A, 0xC014,
          0x009C, 0x002F, 0x0035
        },
        hello.cipherSuites());
    assertTrue(hello.offersCipherSuite(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.id()));
    assertArrayEquals(new byte[] {0}, hello.compressionMethods());

    int[] versions =
        Extensions.parseSupportedVersionsClient(
            hello.extension(ExtensionType.SUPPORTED_VERSIONS).data());
    assertArrayEquals(new int[] {DTLS_1_3, DTLS_1_2}, versions);

    int[] groups =
        Extensions.parseSupportedGroups(hello.extension(ExtensionType.SUPPORTED_GROUPS).data());
    assertArrayEquals(
        new int[] {
          X25519_MLKEM768,
          NamedGroup.X25519.id(),
          NamedGroup.SECP256R1.id(),
          NamedGroup.SECP384R1.id()
        },
        groups);

    UseSrtp srtp = Extensions.parseUseSrtp(hello.extension(ExtensionType.USE_SRTP).data());
    // On the wire in this order: CM-80 first, then the two GCM profiles.
    assertArrayEquals(
        new int[] {
          SrtpProfile.AES128_CM_HMAC_SHA1_80.id(),
          SrtpProfile.AEAD_AES_256_GCM.id(),
          SrtpProfile.AEAD_AES_128_GCM.id()
        },
        srtp.profiles());
    assertEquals(0, srtp.mki().length);

    Extensions.parseExtendedMasterSecret(
        hello.extension(ExtensionType.EXTENDED_MASTER_SECRET).data());
    assertArrayEquals(
        new byte[0],
        Extensions.parseRenegotiationInfo(
            hello.extension(ExtensionType.RENEGOTIATION_INFO).data()));
    assertArrayEquals(
        new byte[] {0},
        Extensions.parseEcPointFormats(hello.extension(ExtensionType.EC_POINT_FORMATS).data()));
    int[] schemes =
        Extensions.parseSignatureAlgorithms(
            hello.extension(ExtensionType.SIGNATURE_ALGORITHMS).data());
    assertEquals(0x0403, schemes[0], "ecdsa_secp256r1_sha256 first");
    assertEquals(9, schemes.length);
    // The DTLS 1.3 key share for X25519MLKEM768: 1184 + 32 bytes, and its headers.
    assertEquals(1258, hello.extension(ExtensionType.KEY_SHARE).data().length);
    assertNull(hello.extension(ExtensionType.ALPN));
    assertEquals(9, hello.extensions().size());

    assertArrayEquals(body, hello.encode(), "re-encodes byte for byte");
  }

  @Test
  void firefox() throws Exception {
    byte[] body = BrowserHellos.body(BrowserHellos.FIREFOX);
    assertEquals(1461, body.length);
    ClientHello hello = ClientHello.parse(body);
    assertEquals(DTLS_1_2, hello.version());
    assertArrayEquals(
        new int[] {0x1301, 0x1303, 0xC02B, 0xC02F, 0xCCA9, 0xCCA8, 0xC00A, 0xC009, 0xC013, 0xC014},
        hello.cipherSuites());

    UseSrtp srtp = Extensions.parseUseSrtp(hello.extension(ExtensionType.USE_SRTP).data());
    assertArrayEquals(
        new int[] {
          SrtpProfile.AEAD_AES_128_GCM.id(),
          SrtpProfile.AEAD_AES_256_GCM.id(),
          SrtpProfile.AES128_CM_HMAC_SHA1_80.id(),
          SrtpProfile.AES128_CM_HMAC_SHA1_32.id()
        },
        srtp.profiles());

    int[] versions =
        Extensions.parseSupportedVersionsClient(
            hello.extension(ExtensionType.SUPPORTED_VERSIONS).data());
    // Firefox lists TLS 1.2's number too.
    assertArrayEquals(new int[] {DTLS_1_3, DTLS_1_2, 0x0303}, versions);

    int[] groups =
        Extensions.parseSupportedGroups(hello.extension(ExtensionType.SUPPORTED_GROUPS).data());
    assertTrue(Arrays.stream(groups).anyMatch(g -> g == X25519_MLKEM768));
    assertTrue(Arrays.stream(groups).anyMatch(g -> g == NamedGroup.X25519.id()));
    assertTrue(Arrays.stream(groups).anyMatch(g -> g == NamedGroup.SECP256R1.id()));

    assertNotNull(hello.extension(ExtensionType.EXTENDED_MASTER_SECRET));
    Extensions.parseExtendedMasterSecret(
        hello.extension(ExtensionType.EXTENDED_MASTER_SECRET).data());
    assertArrayEquals(
        new byte[0],
        Extensions.parseRenegotiationInfo(
            hello.extension(ExtensionType.RENEGOTIATION_INFO).data()));
    assertArrayEquals(
        new byte[] {0},
        Extensions.parseEcPointFormats(hello.extension(ExtensionType.EC_POINT_FORMATS).data()));
    Extensions.parseSignatureAlgorithms(hello.extension(ExtensionType.SIGNATURE_ALGORITHMS).data());
    // ALPN "webrtc" and "c-webrtc" (RFC 8833).
    assertArrayEquals(
        Hex.bytes("0010 06 776562727463 08 632d776562727463"),
        hello.extension(ExtensionType.ALPN).data());
    assertEquals(11, hello.extensions().size());

    assertArrayEquals(body, hello.encode(), "re-encodes byte for byte");
  }

  @Test
  void aHelloVerifyRequestCookieGoesAfterTheSessionId() throws Exception {
    ClientHello hello = ClientHello.parse(BrowserHellos.body(BrowserHellos.CHROMIUM));
    byte[] cookie = Samples.counting(32, 0x77);
    ClientHello second = hello.withCookie(cookie);
    byte[] encoded = second.encode();
    assertEquals(1413 + 32, encoded.length);
    // version, random, empty session id, then the cookie with its length.
    assertEquals(0, encoded[34]);
    assertEquals(32, encoded[35]);
    assertArrayEquals(cookie, Arrays.copyOfRange(encoded, 36, 68));
    assertEquals(second, ClientHello.parse(encoded));
    assertEquals(hello, second.withCookie(new byte[0]));
  }
}
