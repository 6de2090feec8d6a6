package org.rtc4j.dtls.interop;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.dtls.DtlsEndpoint;
import org.rtc4j.dtls.DtlsEvent;

/** Our {@link DtlsEndpoint} behind the {@link UdpPump}'s interface, keeping its events. */
final class DtlsEndpointPump implements PumpedEndpoint {
  final DtlsEndpoint dtls;
  final List<DtlsEvent> events = new ArrayList<>();

  DtlsEndpointPump(DtlsEndpoint dtls) {
    this.dtls = dtls;
  }

  @Override
  public void handleRead(byte[] data, int offset, int length, long nowNanos) {
    dtls.handleRead(data, offset, length, nowNanos);
    drain();
  }

  @Override
  public byte[] pollWrite() {
    return dtls.pollWrite();
  }

  @Override
  public void handleTimeout(long nowNanos) {
    dtls.handleTimeout(nowNanos);
    drain();
  }

  @Override
  public long pollTimeout() {
    return dtls.pollTimeout();
  }

  private void drain() {
    for (DtlsEvent e; (e = dtls.pollEvent()) != null; ) {
      events.add(e);
    }
  }

  /** The application data received so far, as one string. */
  String received() {
    StringBuilder sb = new StringBuilder();
    for (DtlsEvent e : events) {
      if (e instanceof DtlsEvent.ApplicationData d) {
        sb.append(new String(d.data(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return dtls.state() + " " + events + " drops " + dtls.drops();
  }
}
