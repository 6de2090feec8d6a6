package org.rtc4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.RandomSource;

/**
 * Browser offers broken at random, applied as remote descriptions: each is either taken or refused
 * with {@link IllegalArgumentException}, and a refused one leaves the connection as it was.
 */
class RemoteDescriptionFuzzTest {
  private static final List<String> CHROME = lines("chrome-offer.sdp");
  private static final List<String> FIREFOX = lines("firefox-offer.sdp");

  private static List<String> lines(String name) {
    try (InputStream in = RemoteDescriptionFuzzTest.class.getResourceAsStream(name)) {
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r\n"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Applies edits to the lines: drop, duplicate, truncate, or garble one character. */
  private static String broken(List<String> source, List<Integer> edits) {
    List<String> out = new ArrayList<>(source);
    for (int i = 0; i + 2 < edits.size(); i += 3) {
      if (out.isEmpty()) {
        break;
      }
      int at = Math.floorMod(edits.get(i), out.size());
      String line = out.get(at);
      int pos = line.isEmpty() ? 0 : Math.floorMod(edits.get(i + 2), line.length());
      switch (Math.floorMod(edits.get(i + 1), 4)) {
        case 0 -> out.remove(at);
        case 1 -> out.add(at, line);
        case 2 -> out.set(at, line.substring(0, pos));
        default -> {
          char[] chars = line.toCharArray();
          if (chars.length > 0) {
            chars[pos] = "0:; x/=-\t".charAt(Math.floorMod(edits.get(i + 2), 9));
          }
          out.set(at, new String(chars));
        }
      }
    }
    return String.join("\r\n", out) + "\r\n";
  }

  @Test
  void aBrokenOfferIsTakenOrRefusedCleanly() {
    qt().withFixedSeed(7_2026L)
        .withExamples(400)
        .forAll(integers().between(0, 1), lists().of(integers().all()).ofSizeBetween(3, 12))
        .checkAssert(
            (which, edits) -> {
              String sdp = broken(which == 0 ? CHROME : FIREFOX, edits);
              RTCPeerConnection pc =
                  new RTCPeerConnection(
                      RTCConfiguration.builder()
                          .random(RandomSource.of(new Random(edits.hashCode())))
                          .wallClock(Peer.WALL_CLOCK)
                          .build());
              pc.setHostAddresses(List.of(new InetSocketAddress(Call.ip("10.0.0.9"), 9000)), 0);
              try {
                pc.setRemoteDescription(RTCSessionDescription.offer(sdp), 0);
              } catch (IllegalArgumentException refused) {
                assertEquals(SignalingState.STABLE, pc.signalingState());
                assertTrue(pc.remoteDescription().isEmpty());
                assertTrue(pc.iceAgent().isEmpty());
                assertTrue(pc.getTransceivers().isEmpty());
                return;
              }
              assertEquals(SignalingState.HAVE_REMOTE_OFFER, pc.signalingState());
              pc.setLocalDescription(pc.createAnswer(), 0); // a taken offer can be answered
              assertEquals(SignalingState.STABLE, pc.signalingState());
            });
  }
}
