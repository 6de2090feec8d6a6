/**
 * The Data Channel Establishment Protocol's messages (RFC 8832 §5): {@link
 * org.rtc4j.datachannel.dcep.DataChannelOpen} and {@link
 * org.rtc4j.datachannel.dcep.DataChannelAck}, parsed by {@link
 * org.rtc4j.datachannel.dcep.DcepMessage#parse(byte[])}, which throws {@link
 * org.rtc4j.common.ParseException} and nothing else for bad input. Internal to the module.
 */
package org.rtc4j.datachannel.dcep;
