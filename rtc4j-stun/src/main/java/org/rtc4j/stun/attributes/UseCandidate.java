package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/** USE-CANDIDATE (RFC 8445 §7.1.2): the controlling agent nominates the pair this check is on. */
public record UseCandidate() implements StunAttribute {

  @Override
  public int type() {
    return AttributeType.USE_CANDIDATE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    // no value
  }
}
