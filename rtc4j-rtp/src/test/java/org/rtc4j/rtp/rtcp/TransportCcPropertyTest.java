package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;

/**
 * Property tests of {@link TransportCc}: QuickTheories with a fixed seed, so every run checks the
 * same cases.
 */
class TransportCcPropertyTest {
  static final long SEED = 0x5EED_2026L;

  /**
   * Feedback built from random arrivals (runs of losses, small and large deltas) parses back equal,
   * reports exactly the arrivals it was built from, and its chunks cover the statuses exactly.
   */
  @Test
  void whatTheBuilderBuildsParsesBackToTheSameArrivals() {
    qt().withFixedSeed(SEED)
        .withExamples(1000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              int base = random.nextInt(65536);
              int reference = random.nextInt(1 << 24);
              TransportCc.Builder builder =
                  new TransportCc.Builder(random.nextLong(1L << 32), 7, base, reference, 3);
              int packets = random.nextInt(random.nextBoolean() ? 40 : 3000);
              List<Integer> deltas = new ArrayList<>();
              List<Boolean> received = new ArrayList<>();
              int lossRun = 0;
              for (int i = 0; i < packets; i++) {
                if (lossRun == 0 && random.nextInt(10) == 0) {
                  lossRun = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
                }
                if (lossRun > 0) {
                  lossRun--;
                  builder.notReceived();
                  received.add(false);
                } else {
                  int delta =
                      random.nextInt(8) == 0
                          ? random.nextInt(-32768, 32768)
                          : random.nextInt(random.nextBoolean() ? 4 : 256);
                  builder.received(delta);
                  deltas.add(delta);
                  received.add(true);
                }
              }
              TransportCc fb = builder.build();
              byte[] bytes = fb.toByteArray();
              TransportCc parsed;
              try {
                parsed = TransportCc.parse(bytes, 0, bytes.length);
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
              assertEquals(fb, parsed);
              assertArrayEquals(bytes, parsed.toByteArray());
              assertEquals(deltas, parsed.receiveDeltas());
              List<TransportCc.PacketResult> results = parsed.packetResults();
              assertEquals(packets, results.size());
              long time = reference * 64_000L;
              int delta = 0;
              for (int i = 0; i < packets; i++) {
                TransportCc.PacketResult result = results.get(i);
                assertEquals((base + i) & 0xFFFF, result.sequenceNumber());
                assertEquals(received.get(i), result.status().isReceived());
                if (received.get(i)) {
                  time += 250L * deltas.get(delta++);
                  assertEquals(time, result.receiveTimeMicros());
                }
              }
              // Every chunk holds at least one reported status; none could be dropped.
              int covered = 0;
              for (PacketStatusChunk chunk : parsed.chunks()) {
                assertTrue(covered < packets);
                covered += chunk.capacity();
              }
              assertTrue(covered >= packets);
              // A 16-bit chunk covers at least 7 statuses unless it is the last.
              assertTrue(parsed.chunks().size() <= packets / 7 + 1);
            });
  }
}
