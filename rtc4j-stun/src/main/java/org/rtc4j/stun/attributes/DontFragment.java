package org.rtc4j.stun.attributes;

import org.rtc4j.common.ByteWriter;
import org.rtc4j.stun.TransactionId;

/** DONT-FRAGMENT (RFC 8656 §18.9): asks the TURN server to set DF on relayed packets. */
public record DontFragment() implements StunAttribute {

  @Override
  public int type() {
    return AttributeType.DONT_FRAGMENT;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    // no value
  }
}
