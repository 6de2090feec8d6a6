package org.rtc4j.sctp.tx;

import java.util.Objects;
import org.rtc4j.sctp.common.Data;

/**
 * A fragment to send now, with the TSN it is sent under: what the association turns into a DATA
 * (RFC 9260 §3.3.1) or I-DATA (RFC 8260 §2.1) chunk.
 *
 * @param tsn the transmission sequence number, the raw 32-bit wire value
 * @param data the fragment; for a retransmission the same as when it was first sent
 */
public record TsnFragment(int tsn, Data data) {
  /** Checks that there is a fragment. */
  public TsnFragment {
    Objects.requireNonNull(data, "data");
  }

  @Override
  public String toString() {
    return "TsnFragment[tsn=" + Integer.toUnsignedString(tsn) + ", " + data + "]";
  }
}
