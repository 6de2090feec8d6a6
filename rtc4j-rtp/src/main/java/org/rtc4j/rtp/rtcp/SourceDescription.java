package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A source description, SDES (RFC 3550 §6.5): up to 31 chunks, each naming a source and its items.
 * Browsers send one chunk per sending SSRC with a CNAME item.
 *
 * @param chunks the chunks, at most 31
 */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {
  /** Checks the count and copies the chunks. */
  public SourceDescription {
    chunks = List.copyOf(chunks);
    if (chunks.size() > 31) {
      throw new IllegalArgumentException(chunks.size() + " SDES chunks, at most 31");
    }
  }

  /** Parses the one SDES packet that is exactly {@code data[offset, +length)}. */
  public static SourceDescription parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.SDES, -1);
    ByteReader in = header.body;
    List<SdesChunk> chunks = new ArrayList<>(header.count);
    for (int i = 0; i < header.count; i++) {
      chunks.add(SdesChunk.read(in));
    }
    RtcpHeader.requireEnd(in, "SDES");
    return new SourceDescription(chunks);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.SDES;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, chunks.size(), RtcpPacketType.SDES);
    for (SdesChunk chunk : chunks) {
      chunk.write(out);
    }
    RtcpHeader.end(out, start);
  }
}
