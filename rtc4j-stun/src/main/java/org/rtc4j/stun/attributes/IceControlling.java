package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/**
 * ICE-CONTROLLING (RFC 8445 §7.1.3): the sender thinks it is the controlling agent.
 *
 * @param tiebreaker the sender's 64-bit tie-breaker, compared as unsigned in a role conflict
 */
public record IceControlling(long tiebreaker) implements StunAttribute {

  @Override
  public int type() {
    return AttributeType.ICE_CONTROLLING;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u64(tiebreaker);
  }
}
