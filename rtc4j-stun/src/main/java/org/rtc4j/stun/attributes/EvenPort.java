package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * EVEN-PORT (RFC 8656 §18.7): asks for an even relayed port, and maybe to reserve the next one.
 *
 * @param reserveNext the R bit: reserve the next higher port too
 */
public record EvenPort(boolean reserveNext) implements StunAttribute {

  @Override
  public int type() {
    return AttributeType.EVEN_PORT;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u8(reserveNext ? 0x80 : 0);
  }
}
