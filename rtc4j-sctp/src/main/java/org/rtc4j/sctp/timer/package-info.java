/**
 * Timer durations for the association: exponential backoff of the handshake, shutdown and stream
 * reset timers. Deadlines themselves live in {@link org.rtc4j.common.TimerTable}.
 */
package org.rtc4j.sctp.timer;
