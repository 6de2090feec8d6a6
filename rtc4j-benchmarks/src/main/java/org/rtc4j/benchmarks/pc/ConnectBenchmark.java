package org.rtc4j.benchmarks.pc;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole peer-connection setup per operation, both peers on one thread over the zero-latency
 * virtual network: offer/answer, ICE checks, the DTLS handshake, the SCTP handshake and the DCEP
 * open of one data channel. Certificates are made once per trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConnectBenchmark {
  private PeerConnectionPair pair;

  /** Makes the certificates. */
  @Setup
  public void setUp() {
    pair = new PeerConnectionPair();
  }

  /** Both peers, from construction to the channel open on both sides. */
  @Benchmark
  public long connect() {
    pair.connect();
    return pair.lastVirtualNanos;
  }
}
