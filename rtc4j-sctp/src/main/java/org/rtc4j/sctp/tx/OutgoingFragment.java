package org.rtc4j.sctp.tx;

import java.util.Objects;
import org.rtc4j.sctp.common.Data;

/**
 * A fragment the send queue hands to the retransmission queue, which gives it a TSN and keeps it
 * until it is acknowledged or abandoned.
 *
 * @param data the fragment, with its stream, SSN or MID, FSN, PPID and flags already set
 * @param messageId the send queue's own number for the message the fragment belongs to, unique
 *     within the association, so that all fragments of a message can be found and abandoned
 *     together
 * @param maxRetransmits PR-SCTP: retransmissions allowed before the message is abandoned, or {@link
 *     org.rtc4j.sctp.SendOptions#UNLIMITED}
 * @param expiresAt PR-SCTP: the time in nanoseconds after which the message is abandoned, or {@link
 *     Long#MAX_VALUE}
 */
public record OutgoingFragment(Data data, long messageId, long maxRetransmits, long expiresAt) {
  /** Checks that there is a fragment. */
  public OutgoingFragment {
    Objects.requireNonNull(data, "data");
  }
}
