package org.rtc4j.dtls.handshake;

import java.util.List;

/** One valid instance of each message, with every optional part filled in. */
final class Samples {
  private Samples() {}

  static byte[] counting(int length, int start) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (start + i);
    }
    return out;
  }

  static ClientHello clientHello() {
    return new ClientHello(
        0xFEFD,
        counting(32, 0),
        new byte[0],
        counting(16, 0xA0),
        new int[] {0xC02B, 0xC02F, 0xCCA9},
        new byte[] {0},
        List.of(
            Extensions.extendedMasterSecret(),
            Extensions.renegotiationInfo(new byte[0]),
            Extensions.supportedGroups(0x001D, 0x0017),
            Extensions.ecPointFormats(),
            Extensions.useSrtp(new int[] {0x0007, 0x0001}, new byte[0]),
            Extensions.signatureAlgorithms(0x0403, 0x0804, 0x0401)));
  }

  static ServerHello serverHello() {
    return new ServerHello(
        0xFEFD,
        counting(32, 0x40),
        counting(32, 0x80),
        0xC02B,
        0,
        List.of(
            Extensions.extendedMasterSecret(),
            Extensions.renegotiationInfo(new byte[0]),
            Extensions.ecPointFormats(),
            Extensions.useSrtp(new int[] {0x0007}, new byte[0])));
  }

  static HelloVerifyRequest helloVerifyRequest() {
    return new HelloVerifyRequest(0xFEFF, counting(20, 0x10));
  }

  static CertificateMessage certificateMessage() {
    return new CertificateMessage(List.of(counting(5, 0x30), counting(3, 0x31)));
  }

  static ServerKeyExchange serverKeyExchange() {
    return new ServerKeyExchange(0x001D, counting(32, 0x55), 0x0403, counting(70, 0x30));
  }

  static CertificateRequest certificateRequest() {
    return new CertificateRequest(
        new byte[] {64, 1}, new int[] {0x0403, 0x0804}, List.of(counting(4, 0x30)));
  }

  static ClientKeyExchange clientKeyExchange() {
    return new ClientKeyExchange(counting(65, 0x04));
  }

  static CertificateVerify certificateVerify() {
    return new CertificateVerify(0x0403, counting(71, 0x30));
  }

  static Finished finished() {
    return new Finished(counting(12, 0xF0));
  }
}
