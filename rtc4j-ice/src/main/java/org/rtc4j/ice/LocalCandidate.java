package org.rtc4j.ice;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One of our own candidates, with its base: the local transport address the agent sends from when
 * it uses the candidate (RFC 8445 §5.1.1). For a host candidate the base is its own address; for a
 * server-reflexive one it is the host address the NAT mapped.
 *
 * @param candidate the candidate as it is signalled to the peer
 * @param base where its packets leave from
 */
public record LocalCandidate(Candidate candidate, InetSocketAddress base) {
  /**
   * @throws NullPointerException if either is null
   */
  public LocalCandidate {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(base, "base");
  }
}
