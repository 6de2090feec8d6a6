package org.rtc4j.sdp;

/**
 * A typed view of an SDP attribute ({@code a=} line, RFC 8866 §5.13), such as {@link Candidate} or
 * {@link Direction}: it turns back into the generic {@link Attribute} that a description holds.
 */
public interface TypedAttribute {
  /** This value as the attribute a description holds. */
  Attribute toAttribute();
}
