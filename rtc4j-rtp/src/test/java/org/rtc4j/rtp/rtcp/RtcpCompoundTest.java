package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class RtcpCompoundTest {
  /** A sender report without blocks: Chrome's SR while it only sends. */
  static final byte[] CHROME_SR =
      Hex.bytes(
          "80 c8 0006" // V=2 RC=0, PT=200, 6 words follow
              + "1a2b3c4d" // sender SSRC
              + "e9a0f3c4 8b439581" // NTP timestamp
              + "0001e240 00000064 0001d4c0"); // RTP timestamp, packet count, octet count

  /** RFC 3550 §6.1: the compound Chrome sends as a sender: SR, then SDES with its CNAME. */
  static final byte[] CHROME_SR_SDES = concat(CHROME_SR, SourceDescriptionTest.CHROME_CNAME);

  /** What a receiving browser sends: RR with a block, then REMB. */
  static final byte[] RR_REMB = concat(ReceiverReportTest.WITH_BLOCK, RembTest.REMB);

  @Test
  void parsesChromesSenderCompound() throws ParseException {
    List<RtcpPacket> packets = RtcpCompound.parseAll(CHROME_SR_SDES, 0, CHROME_SR_SDES.length);
    assertEquals(2, packets.size());
    SenderReport sr = (SenderReport) packets.get(0);
    assertEquals(0x1a2b3c4dL, sr.ssrc());
    assertTrue(sr.reports().isEmpty());
    SourceDescription sdes = (SourceDescription) packets.get(1);
    assertEquals("GvpFDE7VE3Bo4u8N", sdes.chunks().get(0).text(SdesItem.CNAME));
    assertArrayEquals(CHROME_SR_SDES, RtcpCompound.toByteArray(packets));
  }

  @Test
  void parsesAReceiverReportWithRemb() throws ParseException {
    List<RtcpPacket> packets = RtcpCompound.parseAll(RR_REMB, 0, RR_REMB.length);
    assertEquals(
        List.of(
            ReceiverReport.parse(ReceiverReportTest.WITH_BLOCK, 0, 32),
            Remb.of(1, 1_000_000, List.of(0x1a2b3c4dL))),
        packets);
    assertArrayEquals(RR_REMB, RtcpCompound.toByteArray(packets));
  }

  @Test
  void stepsThroughThePacketsInPlace() throws ParseException {
    byte[] compound =
        concat(
            CHROME_SR,
            SourceDescriptionTest.CHROME_CNAME,
            TransportCcTest.MIXED_CHUNKS,
            UnknownRtcpTest.TMMBR);
    byte[] larger = new byte[compound.length + 3];
    System.arraycopy(compound, 0, larger, 3, compound.length);
    RtcpCompound view = new RtcpCompound().wrap(larger, 3, compound.length);
    assertEquals(4, view.packetCount());
    int[][] expected = {{200, 0, 3, 28}, {202, 1, 31, 28}, {205, 15, 59, 36}, {205, 3, 95, 20}};
    for (int[] packet : expected) {
      assertTrue(view.next());
      assertEquals(packet[0], view.packetType());
      assertEquals(packet[1], view.count());
      assertEquals(packet[1], view.format());
      assertEquals(packet[2], view.offset());
      assertEquals(packet[3], view.length());
    }
    assertFalse(view.next());
    assertThrows(IllegalStateException.class, view::packetType);
    view.rewind();
    assertTrue(view.next());
    assertTrue(view.next());
    assertTrue(view.next());
    assertTrue(view.hasPadding());
    assertTrue(view.parse() instanceof TransportCc);
    assertTrue(view.next());
    assertTrue(view.parse() instanceof UnknownRtcp);
  }

  @Test
  void acceptsReducedSizeRtcp() throws ParseException {
    // RFC 5506 §3: with a=rtcp-rsize, one feedback packet alone, no SR or RR first.
    for (byte[] alone :
        new byte[][] {
          NackTest.NACK, PliTest.PLI, FirTest.FIR, TransportCcTest.MIXED_CHUNKS, RembTest.REMB
        }) {
      List<RtcpPacket> packets = RtcpCompound.parseAll(alone, 0, alone.length);
      assertEquals(1, packets.size());
      assertArrayEquals(alone, packets.get(0).toByteArray());
    }
  }

  @Test
  void dispatchesEveryTypeItKnows() throws ParseException {
    byte[] all =
        concat(
            SenderReportTest.WITH_BLOCK,
            ReceiverReportTest.WITH_BLOCK,
            SourceDescriptionTest.CHROME_CNAME,
            GoodbyeTest.WITH_REASON,
            ApplicationDefinedTest.APP,
            NackTest.NACK,
            PliTest.PLI,
            SliTest.SLI,
            FirTest.FIR,
            RembTest.REMB,
            TransportCcTest.MIXED_CHUNKS,
            CongestionControlFeedbackTest.ONE_STREAM,
            ExtendedReportTest.RRTR_AND_DLRR,
            UnknownRtcpTest.TMMBR);
    List<Class<?>> types =
        RtcpCompound.parseAll(all, 0, all.length).stream().<Class<?>>map(Object::getClass).toList();
    assertEquals(
        List.of(
            SenderReport.class,
            ReceiverReport.class,
            SourceDescription.class,
            Goodbye.class,
            ApplicationDefined.class,
            Nack.class,
            Pli.class,
            Sli.class,
            Fir.class,
            Remb.class,
            TransportCc.class,
            CongestionControlFeedback.class,
            ExtendedReport.class,
            UnknownRtcp.class),
        types);
    assertArrayEquals(all, RtcpCompound.toByteArray(RtcpCompound.parseAll(all, 0, all.length)));
  }

  @Test
  void refusesMalformedCompounds() {
    assertThrows(ParseException.class, () -> new RtcpCompound().wrap(new byte[0], 0, 0));
    // Two bytes after the last packet.
    byte[] trailing = concat(PliTest.PLI, Hex.bytes("8000"));
    ParseException e =
        assertThrows(
            ParseException.class, () -> new RtcpCompound().wrap(trailing, 0, trailing.length));
    assertEquals(12, e.offset());
    // The second packet's length overruns the datagram.
    byte[] overrun = concat(PliTest.PLI, Hex.bytes("81 ce 0003 00000001 00000002"));
    e = assertThrows(ParseException.class, () -> RtcpCompound.parseAll(overrun, 0, overrun.length));
    assertEquals(14, e.offset());
    // The second packet is version 1.
    byte[] version = concat(PliTest.PLI, PliTest.PLI);
    version[12] = 0x41;
    e = assertThrows(ParseException.class, () -> RtcpCompound.parseAll(version, 0, version.length));
    assertEquals(12, e.offset());
    // A well-framed second packet whose body is malformed: the offset counts from the compound.
    byte[] badBody = concat(PliTest.PLI, Hex.bytes("81 cd 0002 00000001 00000002"));
    e = assertThrows(ParseException.class, () -> RtcpCompound.parseAll(badBody, 0, badBody.length));
    assertTrue(e.offset() >= 12, "offset " + e.offset());
    // Every truncation of a compound is refused by wrap.
    for (int length = 1; length < CHROME_SR_SDES.length; length++) {
      if (length == CHROME_SR.length) {
        continue; // the SR alone is a whole compound
      }
      int n = length;
      assertThrows(
          ParseException.class, () -> new RtcpCompound().wrap(CHROME_SR_SDES, 0, n), "cut " + n);
    }
    assertThrows(IllegalStateException.class, () -> new RtcpCompound().next());
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void writesWhatItIsGiven() {
    List<RtcpPacket> packets = List.of(new Pli(1, 2), Goodbye.of(1));
    byte[] bytes = RtcpCompound.toByteArray(packets);
    assertArrayEquals(concat(new Pli(1, 2).toByteArray(), Goodbye.of(1).toByteArray()), bytes);
    assertEquals(0, RtcpCompound.toByteArray(List.of()).length);
    assertTrue(Arrays.equals(PliTest.PLI, new Pli(1, 0x1a2b3c4dL).toByteArray()));
  }
}
