package org.rtc4j.stun;

import java.net.InetSocketAddress;

/** What a {@link StunClient} tells its owner about its transactions. */
public sealed interface StunClientEvent {

  /** The transaction this event is about. */
  TransactionId transactionId();

  /**
   * A response arrived. Its integrity has not been checked: the owner knows which key applies and
   * calls {@link StunMessage#verifyIntegrity(byte[])}.
   *
   * @param transactionId the transaction
   * @param response the success or error response
   * @param local where the response arrived
   * @param remote who sent it (for ICE, it must be where the request went: RFC 8445 §7.2.5.2.1)
   * @param rttNanos the round-trip time, or -1 when the request was retransmitted (Karn's rule)
   */
  record Answered(
      TransactionId transactionId,
      StunMessage response,
      InetSocketAddress local,
      InetSocketAddress remote,
      long rttNanos)
      implements StunClientEvent {}

  /**
   * The transaction failed.
   *
   * @param transactionId the transaction
   * @param reason why
   */
  record Failed(TransactionId transactionId, Reason reason) implements StunClientEvent {}

  /** Why a transaction failed. */
  enum Reason {
    /** No response within the retransmission schedule (RFC 8489 §6.2.1). */
    TIMED_OUT,
    /**
     * The response carried comprehension-required attributes the client does not understand (RFC
     * 8489 §6.3.3 says: discard it, and the transaction has failed).
     */
    UNKNOWN_ATTRIBUTES
  }
}
