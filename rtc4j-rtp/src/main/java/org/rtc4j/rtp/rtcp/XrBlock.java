package org.rtc4j.rtp.rtcp;

import org.rtc4j.common.ByteWriter;

/**
 * A report block of an extended report (RFC 3611 §3): the block types browsers use, {@link
 * ReceiverReferenceTime} and {@link Dlrr}, and any other kept as {@link UnknownXrBlock}.
 */
public sealed interface XrBlock permits ReceiverReferenceTime, Dlrr, UnknownXrBlock {
  /** The block type, BT. */
  int blockType();

  /** Writes the block, its 4-byte header included. */
  void write(ByteWriter out);
}
