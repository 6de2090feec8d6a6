/**
 * What every rtc4j layer shares.
 *
 * <h2>The sans-I/O contract</h2>
 *
 * Every protocol in rtc4j is a state machine that takes bytes and time in and hands bytes, events
 * and its next deadline out; see {@link org.rtc4j.common.DatagramEndpoint}. Nothing in the protocol
 * modules opens a socket, starts a thread, reads a clock or sleeps.
 *
 * <h2>Time</h2>
 *
 * Time is a monotonic {@code long} count of nanoseconds on the caller's clock, on the same base as
 * {@link System#nanoTime()}; the stack never reads a clock itself, so tests drive time. Deadlines
 * are absolute times on that clock, compared with {@code <=}; {@link org.rtc4j.common.Time#NEVER}
 * ({@link Long#MAX_VALUE}) means "no deadline". Use {@link org.rtc4j.common.Time#after(long, long)}
 * to add a duration to a time without overflowing.
 *
 * <h2>Randomness</h2>
 *
 * Credentials, identifiers and keys come from a {@link org.rtc4j.common.RandomSource} handed to
 * each state machine, so a test can make a whole call deterministic.
 *
 * <h2>Parsing</h2>
 *
 * Codecs read with {@link org.rtc4j.common.ByteReader}, which never reads past its bounds: a short
 * or inconsistent input becomes a {@link org.rtc4j.common.ParseException} naming what was wrong and
 * at which offset. That is the only exception a parser throws for bad input. A state machine that
 * receives bad input from the network catches it, drops the input and counts the drop in a {@link
 * org.rtc4j.common.DropCounts}; it never lets it escape {@code handleRead}.
 */
package org.rtc4j.common;
