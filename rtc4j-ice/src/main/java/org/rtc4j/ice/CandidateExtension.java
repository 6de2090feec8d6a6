package org.rtc4j.ice;

import java.util.Objects;

/**
 * A name-value pair after the standard fields of an {@code a=candidate} line (RFC 8839 §5.1):
 * browsers send {@code generation 0}, {@code ufrag abcd}, {@code network-id 1}, {@code network-cost
 * 10}; ICE-TCP sends {@code tcptype active} (RFC 6544 §4.5).
 *
 * @param name the extension's name, a non-empty token without spaces
 * @param value its value, a non-empty token without spaces
 */
public record CandidateExtension(String name, String value) {
  /**
   * @throws IllegalArgumentException if the name or value is empty or contains a space
   */
  public CandidateExtension {
    Candidate.checkToken(Objects.requireNonNull(name, "name"), "extension name");
    Candidate.checkToken(Objects.requireNonNull(value, "value"), "extension value");
  }
}
