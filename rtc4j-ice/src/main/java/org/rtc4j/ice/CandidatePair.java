package org.rtc4j.ice;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A local and a remote candidate that the agent checks together (RFC 8445 §6.1.2), with its state
 * in the check list.
 *
 * <p>The pair's identity is its local base and remote address: those are what a check is sent from
 * and to. Mutable state (the {@link State}, nomination) belongs to the agent that owns the check
 * list; the agent reports pairs to the application as immutable snapshots.
 */
public final class CandidatePair {
  /** A pair's state in the check list (RFC 8445 §6.1.2.6). */
  public enum State {
    /** Not checked yet, and not allowed to be until its foundation is unfrozen. */
    FROZEN,
    /** Ready to be checked when the pacing timer allows. */
    WAITING,
    /** A check was sent; no answer yet. */
    IN_PROGRESS,
    /** A check succeeded. */
    SUCCEEDED,
    /** A check failed or timed out. */
    FAILED
  }

  private final LocalCandidate local;
  private final Candidate remote;
  private final InetSocketAddress remoteAddress;
  private State state = State.FROZEN;
  private boolean nominated;
  private boolean useCandidate; // the controlling agent's next check on it nominates
  private boolean nominateOnSuccess; // controlled: the peer nominated it before it succeeded

  /**
   * @param local our candidate (its base is where checks leave from)
   * @param remote the peer's candidate
   * @param remoteAddress the remote candidate's resolved transport address
   */
  public CandidatePair(LocalCandidate local, Candidate remote, InetSocketAddress remoteAddress) {
    this.local = Objects.requireNonNull(local, "local");
    this.remote = Objects.requireNonNull(remote, "remote");
    this.remoteAddress = Objects.requireNonNull(remoteAddress, "remoteAddress");
  }

  /**
   * The pair priority (RFC 8445 §6.1.2.3): {@code 2^32 * min(G, D) + 2 * max(G, D) + (G > D ? 1 :
   * 0)}, where G is the controlling agent's candidate priority and D the controlled agent's.
   */
  public static long priority(long controllingPriority, long controlledPriority) {
    long min = Math.min(controllingPriority, controlledPriority);
    long max = Math.max(controllingPriority, controlledPriority);
    return (min << 32) + 2 * max + (controllingPriority > controlledPriority ? 1 : 0);
  }

  /** This pair's priority, seen by an agent that is controlling or not. */
  public long priority(boolean controlling) {
    long l = local.candidate().priority();
    long r = remote.priority();
    return controlling ? priority(l, r) : priority(r, l);
  }

  /** The pair's foundation: the local and remote foundations together (RFC 8445 §6.1.2.6). */
  public String foundation() {
    return local.candidate().foundation() + ":" + remote.foundation();
  }

  /** Our candidate. */
  public LocalCandidate local() {
    return local;
  }

  /** The peer's candidate. */
  public Candidate remote() {
    return remote;
  }

  /** Where checks and data leave from. */
  public InetSocketAddress localBase() {
    return local.base();
  }

  /** Where checks and data go. */
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  /** The pair's state. */
  public State state() {
    return state;
  }

  void state(State newState) {
    this.state = Objects.requireNonNull(newState);
  }

  /** Whether the pair has been nominated (RFC 8445 §8.1.1). */
  public boolean isNominated() {
    return nominated;
  }

  void nominate() {
    this.nominated = true;
  }

  boolean useCandidate() {
    return useCandidate;
  }

  void useCandidate(boolean value) {
    this.useCandidate = value;
  }

  boolean nominateOnSuccess() {
    return nominateOnSuccess;
  }

  void nominateOnSuccess(boolean value) {
    this.nominateOnSuccess = value;
  }

  /** Whether this pair sends from {@code base} to {@code remote}. */
  public boolean matches(InetSocketAddress base, InetSocketAddress remote) {
    return local.base().equals(base) && remoteAddress.equals(remote);
  }

  @Override
  public String toString() {
    return local.base() + " -> " + remoteAddress + " " + state + (nominated ? " nominated" : "");
  }
}
