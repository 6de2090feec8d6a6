package org.rtc4j;

/**
 * How media sections are bundled on transports (W3C {@code RTCBundlePolicy}, RFC 8829 §4.1.1).
 * rtc4j always offers one BUNDLE group on one transport (as max-bundle does); the policy only
 * matters when the peer does not support BUNDLE, and then only the first section's transport is
 * used.
 */
public enum BundlePolicy {
  /** One transport per media kind when the peer does not bundle. */
  BALANCED,
  /** One transport per m-section when the peer does not bundle. */
  MAX_COMPAT,
  /** One transport for everything. */
  MAX_BUNDLE
}
