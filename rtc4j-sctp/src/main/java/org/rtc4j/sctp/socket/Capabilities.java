package org.rtc4j.sctp.socket;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.sctp.SctpConfig;
import org.rtc4j.sctp.packet.ForwardTsnChunk;
import org.rtc4j.sctp.packet.ForwardTsnSupportedParameter;
import org.rtc4j.sctp.packet.IDataChunk;
import org.rtc4j.sctp.packet.IForwardTsnChunk;
import org.rtc4j.sctp.packet.Parameter;
import org.rtc4j.sctp.packet.ReConfigChunk;
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

  /** The parameters of our INIT or INIT-ACK that announce what {@code config} offers. */
  public static List<Parameter> offer(SctpConfig config) {
    // RFC 5061 §4.2.7 lists the extension chunks; RFC 3758 §3.1 adds its own parameter, which
    // browsers send too (see the Firefox capture).
    List<Integer> chunks = new ArrayList<>();
    chunks.add(ReConfigChunk.TYPE);
    if (config.partialReliability()) {
      chunks.add(ForwardTsnChunk.TYPE);
    }
    if (config.interleaving()) {
      chunks.add(IDataChunk.TYPE);
      if (config.partialReliability()) {
        chunks.add(IForwardTsnChunk.TYPE);
      }
    }
    List<Parameter> out = new ArrayList<>();
    if (config.partialReliability()) {
      out.add(new ForwardTsnSupportedParameter());
    }
    out.add(new SupportedExtensionsParameter(chunks));
    if (config.zeroChecksum()) {
      out.add(new ZeroChecksumAcceptableParameter(ZeroChecksumAcceptableParameter.DTLS));
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
        zero = z.errorDetectionMethod() == ZeroChecksumAcceptableParameter.DTLS;
      }
    }
    forwardTsn |= extensions.contains(ForwardTsnChunk.TYPE);
    boolean partial = config.partialReliability() && forwardTsn;
    boolean interleaving =
        config.interleaving()
            && extensions.contains(IDataChunk.TYPE)
            && (!partial || extensions.contains(IForwardTsnChunk.TYPE));
    return new Capabilities(
        interleaving,
        partial,
        extensions.contains(ReConfigChunk.TYPE),
        config.zeroChecksum() && zero);
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
