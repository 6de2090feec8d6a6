package org.rtc4j.sctp.socket;

import java.util.List;
import org.rtc4j.sctp.SctpConfig;
import org.rtc4j.sctp.packet.ForwardTsnSupportedParameter;
import org.rtc4j.sctp.packet.Parameter;
import org.rtc4j.sctp.packet.SupportedExtensionsParameter;
import org.rtc4j.sctp.packet.ZeroChecksumAcceptableParameter;

/**
 * The extensions both ends of an association support, agreed from the INIT and INIT-ACK: what we
 * offer (from the configuration) meets what the peer's parameters list.
 *
 * @param interleaving I-DATA and I-FORWARD-TSN (RFC 8260) instead of DATA and FORWARD-TSN
 * @param partialReliability PR-SCTP (RFC 3758)
 * @param reconfig stream reset (RFC 6525)
 * @param zeroChecksum packets may carry a zero checksum (RFC 9653)
 */
public record Capabilities(
    boolean interleaving, boolean partialReliability, boolean reconfig, boolean zeroChecksum) {

  /** RFC 9653 §3: the error detection method "DTLS" (RFC 8261 makes DTLS carry SCTP). */
  public static final int ZERO_CHECKSUM_METHOD_DTLS = 1;

  static final int RE_CONFIG = 130;
  static final int FORWARD_TSN = 192;
  static final int I_DATA = 64;
  static final int I_FORWARD_TSN = 194;

  /** The parameters of our INIT or INIT-ACK that announce what {@code config} offers. */
  public static List<Parameter> offer(SctpConfig config) {
    // RFC 5061 §4.2.7 lists the extension chunks; RFC 3758 §3.1 adds its own parameter, which
    // browsers send too (see the Firefox capture).
    List<Integer> chunks = new java.util.ArrayList<>();
    chunks.add(RE_CONFIG);
    if (config.partialReliability()) {
      chunks.add(FORWARD_TSN);
    }
    if (config.interleaving()) {
      chunks.add(I_DATA);
      if (config.partialReliability()) {
        chunks.add(I_FORWARD_TSN);
      }
    }
    List<Parameter> out = new java.util.ArrayList<>();
    if (config.partialReliability()) {
      out.add(new ForwardTsnSupportedParameter());
    }
    out.add(new SupportedExtensionsParameter(chunks));
    if (config.zeroChecksum()) {
      out.add(new ZeroChecksumAcceptableParameter(ZERO_CHECKSUM_METHOD_DTLS));
    }
    return out;
  }

  /** What both support, given our configuration and the peer's INIT or INIT-ACK parameters. */
  public static Capabilities agree(SctpConfig config, List<Parameter> peer) {
    boolean forwardTsn = false;
    boolean zero = false;
    List<Integer> extensions = List.of();
    for (Parameter p : peer) {
      if (p instanceof ForwardTsnSupportedParameter) {
        forwardTsn = true;
      } else if (p instanceof SupportedExtensionsParameter s) {
        extensions = s.chunkTypes();
      } else if (p instanceof ZeroChecksumAcceptableParameter z) {
        zero = z.errorDetectionMethod() == ZERO_CHECKSUM_METHOD_DTLS;
      }
    }
    forwardTsn |= extensions.contains(FORWARD_TSN);
    boolean partial = config.partialReliability() && forwardTsn;
    boolean interleaving =
        config.interleaving()
            && extensions.contains(I_DATA)
            && (!partial || extensions.contains(I_FORWARD_TSN));
    return new Capabilities(
        interleaving, partial, extensions.contains(RE_CONFIG), config.zeroChecksum() && zero);
  }

  /** Packs the four flags in a byte, for the state cookie. */
  int toBits() {
    return (interleaving ? 1 : 0)
        | (partialReliability ? 2 : 0)
        | (reconfig ? 4 : 0)
        | (zeroChecksum ? 8 : 0);
  }

  /** The flags packed by {@link #toBits()}. */
  static Capabilities fromBits(int bits) {
    return new Capabilities((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0);
  }
}
