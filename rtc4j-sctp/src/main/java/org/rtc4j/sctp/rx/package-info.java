/**
 * The SCTP receive side: which TSNs arrived and when to acknowledge them ({@link
 * org.rtc4j.sctp.rx.DataTracker}, RFC 9260 §6.2, §6.7), and the reassembly of fragments into whole
 * messages released in stream order ({@link org.rtc4j.sctp.rx.ReassemblyQueue}, RFC 9260 §6.5–§6.9,
 * RFC 8260 for I-DATA), with PR-SCTP's FORWARD-TSN (RFC 3758) and stream reset (RFC 6525).
 *
 * <p>Sans-I/O and chunk-agnostic: the association parses DATA, I-DATA and FORWARD-TSN chunks and
 * hands their TSNs and {@link org.rtc4j.sctp.common.Data} fragments here, and builds the SACK from
 * what the tracker reports. Nothing here reads a clock; everything is bounded against a peer that
 * sends too much or nonsense.
 */
package org.rtc4j.sctp.rx;
