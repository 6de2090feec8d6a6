package org.rtc4j.rtp.rtcp;

import java.util.Objects;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * One RTCP packet. Each type is a record that parses itself from exactly one packet's bytes and
 * writes itself, header included; {@link #parse} picks the type from the header. Packets of a type
 * or feedback format this package does not know are kept as {@link UnknownRtcp}, bytes and all.
 *
 * <p>Parsed padding (the P bit) is not kept: a typed packet is written without padding, except
 * {@link TransportCc}, which pads itself to 32 bits with RTCP padding as libwebrtc does. {@link
 * UnknownRtcp} keeps its bytes, padding included. Several packets form a compound packet: see
 * {@link RtcpCompound}.
 */
public sealed interface RtcpPacket
    permits SenderReport,
        ReceiverReport,
        SourceDescription,
        Goodbye,
        ApplicationDefined,
        Nack,
        Pli,
        Sli,
        Fir,
        Remb,
        TransportCc,
        CongestionControlFeedback,
        ExtendedReport,
        UnknownRtcp {
  /** The largest RTCP packet: the 16-bit length field counts up to 65536 words. */
  int MAX_LENGTH = 4 * 65536;

  /** The packet type field (PT). */
  int packetType();

  /** Writes the whole packet, header included. */
  void write(ByteWriter out);

  /** The whole packet's bytes. */
  default byte[] toByteArray() {
    ByteWriter out = ByteWriter.growable(64, MAX_LENGTH);
    write(out);
    return out.toByteArray();
  }

  /**
   * Parses the one RTCP packet that is exactly {@code data[offset, +length)}, as the type its
   * header names.
   *
   * @throws ParseException if it is malformed, for the format of its type
   */
  static RtcpPacket parse(byte[] data, int offset, int length) throws ParseException {
    Objects.checkFromIndexSize(offset, length, data.length);
    RtcpHeader.checkFraming(data, offset, length);
    int format = data[offset] & 0x1F;
    int type = data[offset + 1] & 0xFF;
    switch (type) {
      case RtcpPacketType.SR:
        return SenderReport.parse(data, offset, length);
      case RtcpPacketType.RR:
        return ReceiverReport.parse(data, offset, length);
      case RtcpPacketType.SDES:
        return SourceDescription.parse(data, offset, length);
      case RtcpPacketType.BYE:
        return Goodbye.parse(data, offset, length);
      case RtcpPacketType.APP:
        return ApplicationDefined.parse(data, offset, length);
      case RtcpPacketType.RTPFB:
        switch (format) {
          case Nack.FORMAT:
            return Nack.parse(data, offset, length);
          case CongestionControlFeedback.FORMAT:
            return CongestionControlFeedback.parse(data, offset, length);
          case TransportCc.FORMAT:
            return TransportCc.parse(data, offset, length);
          default:
            return UnknownRtcp.parse(data, offset, length);
        }
      case RtcpPacketType.PSFB:
        switch (format) {
          case Pli.FORMAT:
            return Pli.parse(data, offset, length);
          case Sli.FORMAT:
            return Sli.parse(data, offset, length);
          case Fir.FORMAT:
            return Fir.parse(data, offset, length);
          case Remb.FORMAT:
            return Remb.isRemb(data, offset, length)
                ? Remb.parse(data, offset, length)
                : UnknownRtcp.parse(data, offset, length);
          default:
            return UnknownRtcp.parse(data, offset, length);
        }
      case RtcpPacketType.XR:
        return ExtendedReport.parse(data, offset, length);
      default:
        return UnknownRtcp.parse(data, offset, length);
    }
  }
}
