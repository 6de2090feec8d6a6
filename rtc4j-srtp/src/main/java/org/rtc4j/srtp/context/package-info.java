/**
 * The per-SSRC state of SRTP cryptographic contexts: rollover counter estimation ({@link
 * org.rtc4j.srtp.context.RolloverCounter}), replay windows ({@link
 * org.rtc4j.srtp.context.ReplayWindow}) and a bounded SSRC table ({@link
 * org.rtc4j.srtp.context.SsrcTable}).
 *
 * <p>Internal to rtc4j-srtp: the module does not export this package.
 */
package org.rtc4j.srtp.context;
