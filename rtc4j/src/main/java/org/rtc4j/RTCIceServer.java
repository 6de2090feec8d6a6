package org.rtc4j;

import java.util.List;
import java.util.Objects;

/**
 * A STUN or TURN server (W3C {@code RTCIceServer}).
 *
 * @param urls {@code stun:host[:port]} or {@code turn:host[:port][?transport=udp|tcp]} URLs (RFC
 *     7064, RFC 7065)
 * @param username the TURN username, or null
 * @param credential the TURN password, or null
 */
public record RTCIceServer(List<String> urls, String username, String credential) {

  /**
   * @throws IllegalArgumentException if there is no URL, or a URL is neither stun, stuns, turn nor
   *     turns
   */
  public RTCIceServer {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("an ICE server needs at least one URL");
    }
    for (String url : urls) {
      Objects.requireNonNull(url, "url");
      if (!(url.startsWith("stun:")
          || url.startsWith("stuns:")
          || url.startsWith("turn:")
          || url.startsWith("turns:"))) {
        throw new IllegalArgumentException("not a STUN or TURN URL: " + url);
      }
    }
  }

  /** A STUN server without credentials. */
  public static RTCIceServer stun(String url) {
    return new RTCIceServer(List.of(url), null, null);
  }
}
