package org.rtc4j.rtp.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A goodbye, BYE (RFC 3550 §6.6): the sources that leave, and why, optionally.
 *
 * @param sources the SSRCs and CSRCs that leave, at most 31
 * @param reason the reason for leaving, at most 255 bytes of UTF-8
 */
public record Goodbye(List<Long> sources, Optional<String> reason) implements RtcpPacket {
  /** Checks the sources and the reason's length. */
  public Goodbye {
    sources = List.copyOf(sources);
    if (sources.size() > 31) {
      throw new IllegalArgumentException(sources.size() + " sources, at most 31");
    }
    for (long source : sources) {
      Unsigned.u32("SSRC", source);
    }
    int length = reason.map(r -> r.getBytes(StandardCharsets.UTF_8).length).orElse(0);
    if (length > 255) {
      throw new IllegalArgumentException("reason of " + length + " bytes, at most 255");
    }
  }

  /** A goodbye of one source, without a reason. */
  public static Goodbye of(long ssrc) {
    return new Goodbye(List.of(ssrc), Optional.empty());
  }

  /**
   * Parses the one BYE that is exactly {@code data[offset, +length)}.
   *
   * @throws ParseException also if the reason is not well-formed UTF-8
   */
  public static Goodbye parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.BYE, -1);
    ByteReader in = header.body;
    in.require(4 * header.count, header.count + " sources");
    List<Long> sources = new ArrayList<>(header.count);
    for (int i = 0; i < header.count; i++) {
      sources.add(in.u32());
    }
    Optional<String> reason = Optional.empty();
    if (in.hasRemaining()) {
      // RFC 3550 §6.6: a length byte, the text, then zeros up to the 32-bit boundary.
      int reasonLength = in.u8();
      int textStart = in.position();
      try {
        reason =
            Optional.of(
                StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(in.bytes(reasonLength)))
                    .toString());
      } catch (CharacterCodingException e) {
        throw new ParseException("BYE reason is not UTF-8", textStart);
      }
      if (in.remaining() > 3) {
        throw new ParseException("bytes after the BYE reason", in.position());
      }
      while (in.hasRemaining()) {
        int position = in.position();
        if (in.u8() != 0) {
          throw new ParseException("BYE reason padding is not zero", position);
        }
      }
    }
    return new Goodbye(sources, reason);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.BYE;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, sources.size(), RtcpPacketType.BYE);
    for (long source : sources) {
      out.u32(source);
    }
    if (reason.isPresent()) {
      byte[] text = reason.get().getBytes(StandardCharsets.UTF_8);
      out.u8(text.length).bytes(text);
      out.zeros((4 - (1 + text.length) % 4) % 4);
    }
    RtcpHeader.end(out, start);
  }
}
