package org.rtc4j.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MessageTypeTest {
  @Test
  void wireValuesFromTheRfcs() {
    // RFC 8489 §5: Binding request 0x0001, success 0x0101, error 0x0111; RFC 8656 methods.
    assertEquals(0x0001, MessageType.BINDING_REQUEST.toWire());
    assertEquals(0x0101, MessageType.BINDING_SUCCESS.toWire());
    assertEquals(0x0111, MessageType.BINDING_ERROR.toWire());
    assertEquals(0x0011, MessageType.BINDING_INDICATION.toWire());
    assertEquals(0x0003, new MessageType(StunMethod.ALLOCATE, MessageClass.REQUEST).toWire());
    assertEquals(
        0x0113, new MessageType(StunMethod.ALLOCATE, MessageClass.ERROR_RESPONSE).toWire());
    assertEquals(0x0016, new MessageType(StunMethod.SEND, MessageClass.INDICATION).toWire());
    assertEquals(0x0017, new MessageType(StunMethod.DATA, MessageClass.INDICATION).toWire());
    assertEquals(0x3FFF, new MessageType(0xFFF, MessageClass.ERROR_RESPONSE).toWire());
  }

  @Test
  void everyTypeRoundTrips() {
    for (int method = 0; method <= 0xFFF; method++) {
      for (MessageClass c : MessageClass.values()) {
        MessageType t = new MessageType(method, c);
        assertEquals(t, MessageType.fromWire(t.toWire()));
      }
    }
  }

  @Test
  void methodMustFitTwelveBits() {
    assertThrows(
        IllegalArgumentException.class, () -> new MessageType(0x1000, MessageClass.REQUEST));
    assertEquals("Binding SUCCESS_RESPONSE", MessageType.BINDING_SUCCESS.toString());
  }
}
