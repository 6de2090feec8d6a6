package org.rtc4j.rtp;

/**
 * The value of one RTP header extension element (RFC 8285), as {@link RtpWriter#extension(int,
 * HeaderExtension)} writes it: the typed extensions of {@code org.rtc4j.rtp.extension} implement
 * it. Which id an extension gets is negotiated in SDP ({@code a=extmap}), so the value does not
 * know its id.
 */
public interface HeaderExtension {
  /** The element's data length in bytes. */
  int length();

  /** Writes the element's data, {@link #length()} bytes, at {@code out[offset]}. */
  void write(byte[] out, int offset);
}
