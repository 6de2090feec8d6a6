package org.rtc4j.ice;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check list of one ICE data stream (RFC 8445 §6.1.2): the candidate pairs, ordered by
 * priority, pruned of redundant pairs, bounded in size, with the initial frozen/waiting states.
 *
 * <p>It exists apart from the agent so that the pairing rules can be tested on their own. Pairs are
 * added as candidates arrive (trickle ICE adds them at any time, RFC 8838 §10).
 */
final class CheckList {
  private final int maxPairs;
  private final List<CandidatePair> pairs = new ArrayList<>();
  private boolean controlling;

  CheckList(int maxPairs, boolean controlling) {
    if (maxPairs < 1) {
      throw new IllegalArgumentException("maxPairs must be positive: " + maxPairs);
    }
    this.maxPairs = maxPairs;
    this.controlling = controlling;
  }

  /** Forgets every pair, for an ICE restart. */
  void clear() {
    pairs.clear();
  }

  /** The pairs, highest priority first. */
  List<CandidatePair> pairs() {
    return pairs;
  }

  /** Re-sorts after a role change: pair priorities depend on the role (RFC 8445 §7.3.1.1). */
  void controlling(boolean nowControlling) {
    this.controlling = nowControlling;
    sort();
  }

  /**
   * Pairs {@code local} with every compatible remote candidate (RFC 8445 §6.1.2.2): same component,
   * same transport, same IP family. A server-reflexive local candidate is paired through its base,
   * so it yields the same pairs as the host candidate with that base; those are pruned as redundant
   * (RFC 8445 §6.1.2.4).
   *
   * @return the pairs that were added
   */
  List<CandidatePair> pairLocal(LocalCandidate local, Map<Candidate, InetSocketAddress> remotes) {
    List<CandidatePair> added = new ArrayList<>();
    for (Map.Entry<Candidate, InetSocketAddress> r : remotes.entrySet()) {
      add(local, r.getKey(), r.getValue()).ifPresent(added::add);
    }
    return added;
  }

  /** Pairs a new remote candidate with every local candidate. */
  List<CandidatePair> pairRemote(
      Candidate remote, InetSocketAddress remoteAddress, List<LocalCandidate> locals) {
    List<CandidatePair> added = new ArrayList<>();
    for (LocalCandidate l : locals) {
      add(l, remote, remoteAddress).ifPresent(added::add);
    }
    return added;
  }

  /**
   * Adds the pair if it is compatible and not redundant. A redundant pair (same base and remote
   * address as an existing one) is kept only if it has a higher priority, replacing the other while
   * that one has not been checked yet.
   */
  Optional<CandidatePair> add(
      LocalCandidate local, Candidate remote, InetSocketAddress remoteAddress) {
    if (!compatible(local, remote, remoteAddress)) {
      return Optional.empty();
    }
    CandidatePair pair = new CandidatePair(local, remote, remoteAddress);
    CandidatePair existing = find(local.base(), remoteAddress).orElse(null);
    if (existing != null) {
      if (existing.priority(controlling) >= pair.priority(controlling)
          || existing.state() != CandidatePair.State.FROZEN
              && existing.state() != CandidatePair.State.WAITING) {
        return Optional.empty();
      }
      pairs.remove(existing);
    }
    pairs.add(pair);
    sort();
    if (pairs.size() > maxPairs) {
      // RFC 8445 §6.1.2.5: drop the lowest-priority pairs beyond the limit.
      CandidatePair dropped = pairs.remove(pairs.size() - 1);
      if (dropped == pair) {
        return Optional.empty();
      }
    }
    return Optional.of(pair);
  }

  /**
   * Sets the initial states (RFC 8445 §6.1.2.6): for each foundation, the frozen pair with the
   * lowest component id and then the highest priority becomes Waiting; the rest stay Frozen. Only
   * foundations with no pair in progress, succeeded or waiting are unfrozen.
   */
  void unfreezeInitial() {
    Map<String, CandidatePair> best = new HashMap<>();
    Map<String, Boolean> active = new HashMap<>();
    for (CandidatePair p : pairs) { // highest priority first
      String f = p.foundation();
      if (p.state() != CandidatePair.State.FROZEN && p.state() != CandidatePair.State.FAILED) {
        active.put(f, true);
      }
      CandidatePair b = best.get(f);
      if (p.state() == CandidatePair.State.FROZEN
          && (b == null || p.local().candidate().component() < b.local().candidate().component())) {
        best.put(f, p);
      }
    }
    for (CandidatePair p : pairs) {
      if (best.get(p.foundation()) == p && !active.containsKey(p.foundation())) {
        p.state(CandidatePair.State.WAITING);
      }
    }
  }

  /**
   * RFC 8445 §7.2.5.3.3: when a check succeeds, frozen pairs with the same foundation become
   * Waiting.
   */
  void unfreezeFoundation(String foundation) {
    for (CandidatePair p : pairs) {
      if (p.state() == CandidatePair.State.FROZEN && p.foundation().equals(foundation)) {
        p.state(CandidatePair.State.WAITING);
      }
    }
  }

  /** The highest-priority Waiting pair, else the highest-priority Frozen one, or empty. */
  Optional<CandidatePair> nextToCheck() {
    for (CandidatePair p : pairs) {
      if (p.state() == CandidatePair.State.WAITING) {
        return Optional.of(p);
      }
    }
    for (CandidatePair p : pairs) {
      if (p.state() == CandidatePair.State.FROZEN) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The pair that sends from {@code base} to {@code remote}, if any. */
  Optional<CandidatePair> find(InetSocketAddress base, InetSocketAddress remote) {
    for (CandidatePair p : pairs) {
      if (p.matches(base, remote)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Whether every pair has failed (and there is at least one). */
  boolean allFailed() {
    return !pairs.isEmpty()
        && pairs.stream().allMatch(p -> p.state() == CandidatePair.State.FAILED);
  }

  private void sort() {
    pairs.sort(Comparator.comparingLong((CandidatePair p) -> p.priority(controlling)).reversed());
  }

  private static boolean compatible(
      LocalCandidate local, Candidate remote, InetSocketAddress remoteAddress) {
    Candidate l = local.candidate();
    return l.component() == remote.component()
        && l.transportProtocol().isPresent()
        && l.transportProtocol().equals(remote.transportProtocol())
        && (local.base().getAddress() instanceof Inet4Address)
            == (remoteAddress.getAddress() instanceof Inet4Address)
        && !remoteAddress.getAddress().isAnyLocalAddress()
        && remoteAddress.getPort() != 0;
  }
}
