package org.rtc4j.ice;

/** What an {@link IceAgent} tells its owner, polled from {@link IceAgent#pollEvent()}. */
public sealed interface IceEvent {
  /**
   * A local candidate was gathered; signal it to the peer (trickle ICE, RFC 8838 §4).
   *
   * @param candidate the candidate
   */
  record CandidateGathered(Candidate candidate) implements IceEvent {}

  /** Gathering is done: signal end-of-candidates (RFC 8838 §4.4). */
  record GatheringComplete() implements IceEvent {}

  /**
   * The connection state changed.
   *
   * @param state the new state
   */
  record StateChanged(IceConnectionState state) implements IceEvent {}

  /**
   * The pair that data goes over changed. Send from {@link CandidatePair#localBase()} to {@link
   * CandidatePair#remoteAddress()}.
   *
   * @param pair the selected pair
   */
  record SelectedPairChanged(CandidatePair pair) implements IceEvent {}

  /**
   * A role conflict was repaired by switching role (RFC 8445 §7.3.1.1).
   *
   * @param controlling whether this agent is now the controlling one
   */
  record RoleChanged(boolean controlling) implements IceEvent {}
}
