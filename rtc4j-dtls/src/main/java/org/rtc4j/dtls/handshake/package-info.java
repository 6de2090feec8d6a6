/**
 * The DTLS 1.2 handshake messages' codecs (RFC 6347 §4.2, §4.3; RFC 5246 §7.4): the handshake
 * fragment header, each message body, the hello extensions WebRTC uses, and alerts.
 *
 * <p>Each message is a record; {@code parse(byte[] body)} reads a whole body (without the 12-byte
 * handshake header, after reassembly) and throws only {@link org.rtc4j.common.ParseException} for
 * input that breaks the message's grammar, vector bounds or has trailing bytes; {@code encode()}
 * writes the body back. Records copy the arrays they hold, in and out, and compare them by content.
 * Nothing here does cryptography or keeps state.
 */
package org.rtc4j.dtls.handshake;
