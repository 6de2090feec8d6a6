package org.rtc4j.sctp.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayDeque;
import org.rtc4j.common.RandomSource;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.SctpAssociation;
import org.rtc4j.sctp.SctpConfig;
import org.rtc4j.sctp.SctpEvent;
import org.rtc4j.sctp.SctpState;
import org.rtc4j.sctp.SendOptions;

/**
 * An established association fed packets whose chunks say anything. The packets carry our ports,
 * our verification tag and a zero checksum (both sides accept zero checksums here), so the fuzzer
 * reaches the chunk handlers instead of stopping at the CRC. Nothing may throw, and the association
 * must stay within its bounds and keep answering.
 */
class SctpAssociationFuzzTest {
  private static final SctpConfig CONFIG =
      SctpConfig.builder()
          .zeroChecksum(true)
          .receiveBufferSize(1 << 20)
          .maxMessageSize(1 << 16)
          .build();

  @FuzzTest(maxDuration = "30s")
  void chunksThatSayAnything(FuzzedDataProvider in) {
    SctpAssociation us = new SctpAssociation(CONFIG, RandomSource.seeded(1));
    SctpAssociation peer = new SctpAssociation(CONFIG, RandomSource.seeded(2));
    long now = 0;
    us.connect(now);
    peer.connect(now);
    int ourTag = 0;
    for (int round = 0; round < 20 && us.state() != SctpState.ESTABLISHED; round++) {
      ourTag = exchange(peer, us, now, ourTag);
      exchange(us, peer, now, 0);
    }
    if (us.state() != SctpState.ESTABLISHED || ourTag == 0) {
      throw new AssertionError("the set-up handshake did not complete: " + us);
    }
    us.send(1, PayloadProtocolId.BINARY, new byte[3000], SendOptions.RELIABLE);
    for (int i = 0; i < 16 && in.remainingBytes() > 0; i++) {
      byte[] packet = in.consumeBytes(in.consumeInt(12, 1500));
      if (packet.length >= 12) {
        packet[0] = 0x13;
        packet[1] = (byte) 0x88;
        packet[2] = 0x13;
        packet[3] = (byte) 0x88;
        if (in.consumeBoolean()) {
          packet[4] = (byte) (ourTag >>> 24);
          packet[5] = (byte) (ourTag >>> 16);
          packet[6] = (byte) (ourTag >>> 8);
          packet[7] = (byte) ourTag;
        }
        packet[8] = 0;
        packet[9] = 0;
        packet[10] = 0;
        packet[11] = 0;
      }
      now += in.consumeLong(0, 5_000_000_000L);
      us.handleRead(packet, 0, packet.length, now);
      drain(us);
      if (in.consumeBoolean()) {
        us.handleTimeout(
            Math.max(now, us.pollTimeout() == Long.MAX_VALUE ? now : us.pollTimeout()));
        drain(us);
      }
    }
    if (us.bufferedAmount(1) < 0) {
      throw new AssertionError("negative buffered amount");
    }
  }

  /** Delivers everything {@code from} sends to {@code to}; returns the tag of the last packet. */
  private static int exchange(SctpAssociation from, SctpAssociation to, long now, int tag) {
    ArrayDeque<byte[]> packets = new ArrayDeque<>();
    for (byte[] p; (p = from.pollWrite()) != null; ) {
      packets.add(p);
    }
    for (byte[] p : packets) {
      int t = ((p[4] & 0xFF) << 24) | ((p[5] & 0xFF) << 16) | ((p[6] & 0xFF) << 8) | (p[7] & 0xFF);
      if (t != 0) {
        tag = t;
      }
      to.handleRead(p, 0, p.length, now);
    }
    for (SctpEvent e; (e = to.pollEvent()) != null; ) {
      // drained
    }
    return tag;
  }

  private static void drain(SctpAssociation a) {
    for (int i = 0; i < 10_000 && a.pollWrite() != null; i++) {
      // packets to nowhere
    }
    for (SctpEvent e; (e = a.pollEvent()) != null; ) {
      // drained
    }
  }
}
