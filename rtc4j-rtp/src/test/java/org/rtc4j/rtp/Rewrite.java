package org.rtc4j.rtp;

import java.util.Arrays;

/** Rewrites a parsed packet through {@link RtpWriter}, for tests that compare the bytes. */
public final class Rewrite {
  private Rewrite() {}

  /**
   * Writes what {@code packet} holds with a {@link RtpWriter}: fixed header, CSRCs, each extension
   * element, payload and padding.
   */
  public static byte[] of(RtpPacket packet) {
    byte[] out = new byte[packet.length() + 64];
    RtpWriter w =
        new RtpWriter()
            .start(out, 0, out.length)
            .marker(packet.marker())
            .payloadType(packet.payloadType())
            .sequenceNumber(packet.sequenceNumber())
            .timestamp(packet.timestamp())
            .ssrc(packet.ssrc());
    for (int i = 0; i < packet.csrcCount(); i++) {
      w.csrc(packet.csrc(i));
    }
    HeaderExtensions ext = packet.extensions();
    if (ext.isTwoByte()) {
      w.twoByteExtensions(packet.extensionProfile() & 0xF);
    }
    if (packet.extensionProfile() >= 0
        && !ext.isTwoByte()
        && packet.extensionProfile() != HeaderExtensions.ONE_BYTE_PROFILE) {
      w.extensionBlock(
          packet.extensionProfile(),
          packet.array(),
          packet.extensionOffset(),
          packet.extensionLength());
    }
    while (ext.next()) {
      w.extension(ext.id(), packet.array(), ext.offset(), ext.length());
    }
    w.payload(packet.array(), packet.payloadOffset(), packet.payloadLength());
    if (packet.paddingLength() > 0) {
      w.padding(packet.paddingLength());
    }
    return Arrays.copyOf(out, w.finish());
  }
}
