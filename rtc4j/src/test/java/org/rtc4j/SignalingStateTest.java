package org.rtc4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtc4j.SignalingState.CLOSED;
import static org.rtc4j.SignalingState.HAVE_LOCAL_OFFER;
import static org.rtc4j.SignalingState.HAVE_LOCAL_PRANSWER;
import static org.rtc4j.SignalingState.HAVE_REMOTE_OFFER;
import static org.rtc4j.SignalingState.HAVE_REMOTE_PRANSWER;
import static org.rtc4j.SignalingState.STABLE;

import org.junit.jupiter.api.Test;

class SignalingStateTest {
  static final boolean LOCAL = true;
  static final boolean REMOTE = false;

  @Test
  void theOffererGoesThroughHaveLocalOfferAndTheAnswererThroughHaveRemoteOffer() {
    assertEquals(HAVE_LOCAL_OFFER, STABLE.apply(SdpType.OFFER, LOCAL));
    assertEquals(STABLE, HAVE_LOCAL_OFFER.apply(SdpType.ANSWER, REMOTE));
    assertEquals(HAVE_REMOTE_OFFER, STABLE.apply(SdpType.OFFER, REMOTE));
    assertEquals(STABLE, HAVE_REMOTE_OFFER.apply(SdpType.ANSWER, LOCAL));
  }

  @Test
  void provisionalAnswersOnBothSides() {
    SignalingState offerer = STABLE.apply(SdpType.OFFER, LOCAL).apply(SdpType.PRANSWER, REMOTE);
    assertEquals(HAVE_REMOTE_PRANSWER, offerer);
    assertEquals(HAVE_REMOTE_PRANSWER, offerer.apply(SdpType.PRANSWER, REMOTE));
    assertEquals(STABLE, offerer.apply(SdpType.ANSWER, REMOTE));
    SignalingState answerer = STABLE.apply(SdpType.OFFER, REMOTE).apply(SdpType.PRANSWER, LOCAL);
    assertEquals(HAVE_LOCAL_PRANSWER, answerer);
    assertEquals(STABLE, answerer.apply(SdpType.ANSWER, LOCAL));
  }

  @Test
  void rollbackFromEitherSideCancelsTheOfferInProgress() {
    for (boolean side : new boolean[] {LOCAL, REMOTE}) {
      assertEquals(STABLE, HAVE_LOCAL_OFFER.apply(SdpType.ROLLBACK, side));
      assertEquals(STABLE, HAVE_REMOTE_OFFER.apply(SdpType.ROLLBACK, side));
      assertFalse(STABLE.accepts(SdpType.ROLLBACK, side));
    }
    // webrtc-pc §4.4.1.5: not once a provisional answer is set.
    for (boolean side : new boolean[] {LOCAL, REMOTE}) {
      assertFalse(HAVE_LOCAL_PRANSWER.accepts(SdpType.ROLLBACK, side));
      assertFalse(HAVE_REMOTE_PRANSWER.accepts(SdpType.ROLLBACK, side));
    }
  }

  @Test
  void glareAndMisuseAreRefused() {
    // Both sides offered at once: the remote offer cannot be set over our own (perfect
    // negotiation's polite peer rolls back first).
    assertFalse(HAVE_LOCAL_OFFER.accepts(SdpType.OFFER, REMOTE));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> STABLE.apply(SdpType.ANSWER, REMOTE));
    assertTrue(e.getMessage().contains("remote answer in signaling state STABLE"));
    for (SdpType t : SdpType.values()) {
      assertFalse(CLOSED.accepts(t, LOCAL));
      assertFalse(CLOSED.accepts(t, REMOTE));
    }
  }

  @Test
  void namesAreTheW3cOnes() {
    assertEquals("have-local-pranswer", HAVE_LOCAL_PRANSWER.jsonName());
    assertEquals("offer", SdpType.OFFER.jsonName());
    assertEquals(SdpType.ROLLBACK, SdpType.fromJsonName("rollback"));
    assertThrows(IllegalArgumentException.class, () -> SdpType.fromJsonName("Offer"));
  }
}
