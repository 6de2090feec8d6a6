/**
 * STUN (RFC 8489).
 *
 * <p>Decode with {@link org.rtc4j.stun.StunMessage#decode(byte[], int, int)}, which throws {@link
 * org.rtc4j.common.ParseException} and nothing else for bad input; build and encode with {@link
 * org.rtc4j.stun.StunMessage#builder(MessageType, TransactionId)}. Attributes are the records of
 * {@link org.rtc4j.stun.attributes}. {@link org.rtc4j.stun.StunClient} runs request transactions
 * sans-I/O; {@link org.rtc4j.stun.StunServer} answers Binding requests.
 */
package org.rtc4j.stun;
