/**
 * The sending side of SCTP's data path (RFC 9260 §6, §7; PR-SCTP, RFC 3758 §3.5).
 *
 * <p>The send queue holds the user's messages per stream and cuts them into fragments; a {@link
 * org.rtc4j.sctp.tx.FragmentSource} is how the {@link org.rtc4j.sctp.tx.RetransmissionQueue} sees
 * it. The retransmission queue gives each fragment a TSN and keeps it until the peer acknowledges
 * it or it is abandoned: it processes SACKs, runs congestion control ({@link
 * org.rtc4j.sctp.tx.CongestionControl}) and the peer's receive window, retransmits on miss
 * indications and on T3-rtx expiry, feeds the RTO estimate ({@link
 * org.rtc4j.sctp.tx.RetransmitTimeout}), and tells the association when a FORWARD-TSN is due.
 * Nothing here reads a clock: every time is a {@code long now} in nanoseconds from the caller.
 */
package org.rtc4j.sctp.tx;
