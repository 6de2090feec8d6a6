package org.rtc4j.stun.attributes;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.stun.TransactionId;

/**
 * PASSWORD-ALGORITHMS (RFC 8489 §14.11): the algorithms a server supports for the long-term key, in
 * its order of preference.
 *
 * @param algorithms the algorithms
 */
public record PasswordAlgorithms(List<PasswordAlgorithm> algorithms) implements StunAttribute {
  /** Copies the list. */
  public PasswordAlgorithms {
    algorithms = List.copyOf(algorithms);
  }

  @Override
  public int type() {
    return AttributeType.PASSWORD_ALGORITHMS;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    for (PasswordAlgorithm a : algorithms) {
      a.encodeValue(out, transactionId);
    }
  }

  static PasswordAlgorithms decode(ByteReader value) throws ParseException {
    List<PasswordAlgorithm> list = new ArrayList<>();
    while (value.hasRemaining()) {
      list.add(PasswordAlgorithm.read(value));
    }
    return new PasswordAlgorithms(list);
  }
}
