// rtc4j echo demo, the browser side. The element ids and the window.demo API are listed at the top
// of index.html. Signaling is WHIP-style (RFC 9725 §4.2): one POST of a complete offer, a 201 with
// the answer and the session's URL in Location, a DELETE of that URL to end it.
'use strict';

(() => {
  const GATHERING_TIMEOUT_MS = 2000;
  const OPEN_TIMEOUT_MS = 15000;
  const ECHO_TIMEOUT_MS = 5000;
  const OFFER_TIMEOUT_MS = 15000;
  const REQUEST_TIMEOUT_MS = 5000;
  const STATS_INTERVAL_MS = 1000;
  const MAX_LOG_ENTRIES = 200;
  const MAX_RECEIVED = 1000;
  const MAX_PENDING_ECHOES = 256;
  const MAX_BINARY_BYTES = 65536;

  const element = (id) => document.getElementById(id);
  const ui = {
    connect: element('connect'),
    disconnect: element('disconnect'),
    message: element('message'),
    send: element('send'),
    sendBinary: element('send-binary'),
    state: element('state'),
    stats: element('stats'),
    session: element('session'),
    log: element('log'),
  };

  let pc = null;
  let channel = null;
  let sessionUrl = null;
  let statsTimer = null;
  let refreshing = false;
  const received = [];
  // Messages sent and waiting for their echo, oldest first: {matches(data), resolve, reject, timer}.
  const pending = [];

  // ---- the log -----------------------------------------------------------------------------

  function log(kind, text) {
    const entry = document.createElement('li');
    entry.className = kind;
    const time = new Date().toLocaleTimeString();
    entry.textContent = `${time} ${kind}: ${text}`;
    ui.log.append(entry);
    while (ui.log.childElementCount > MAX_LOG_ENTRIES) {
      ui.log.firstElementChild.remove();
    }
    entry.scrollIntoView({ block: 'nearest' });
  }

  function shorten(text) {
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }

  // ---- waiting, always bounded -------------------------------------------------------------

  function withTimeout(promise, ms, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  // Resolves true once gathering is complete, false if it is still running after ms: then the
  // offer goes with the candidates found so far.
  function gatheringComplete(connection, ms) {
    if (connection.iceGatheringState === 'complete') {
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const onChange = () => {
        if (connection.iceGatheringState === 'complete') {
          done(true);
        }
      };
      const timer = setTimeout(() => done(false), ms);
      function done(complete) {
        clearTimeout(timer);
        connection.removeEventListener('icegatheringstatechange', onChange);
        resolve(complete);
      }
      connection.addEventListener('icegatheringstatechange', onChange);
    });
  }

  function channelOpen(connection, dataChannel, ms) {
    if (dataChannel.readyState === 'open') {
      return Promise.resolve();
    }
    const opened = new Promise((resolve, reject) => {
      dataChannel.addEventListener('open', () => resolve(), { once: true });
      dataChannel.addEventListener(
        'close',
        () => reject(new Error('the channel closed before it opened')),
        { once: true },
      );
      connection.addEventListener('connectionstatechange', () => {
        if (connection.connectionState === 'failed') {
          reject(new Error('the peer connection failed'));
        }
      });
    });
    return withTimeout(opened, ms, 'opening the channel');
  }

  // ---- echoes ------------------------------------------------------------------------------

  function expectEcho(matches, what) {
    if (pending.length >= MAX_PENDING_ECHOES) {
      return Promise.reject(new Error(`${MAX_PENDING_ECHOES} messages already wait for an echo`));
    }
    return new Promise((resolve, reject) => {
      const waiter = { matches, resolve, reject, timer: 0 };
      waiter.timer = setTimeout(() => {
        const index = pending.indexOf(waiter);
        if (index >= 0) {
          pending.splice(index, 1);
        }
        reject(new Error(`no echo of ${what} within ${ECHO_TIMEOUT_MS} ms`));
      }, ECHO_TIMEOUT_MS);
      pending.push(waiter);
    });
  }

  function settle(data) {
    const index = pending.findIndex((waiter) => waiter.matches(data));
    if (index < 0) {
      return;
    }
    const [waiter] = pending.splice(index, 1);
    clearTimeout(waiter.timer);
    waiter.resolve(data);
  }

  function sameBytes(a, b) {
    if (a.byteLength !== b.byteLength) {
      return false;
    }
    for (let i = 0; i < a.byteLength; i++) {
      if (a[i] !== b[i]) {
        return false;
      }
    }
    return true;
  }

  function onMessage(event) {
    let entry;
    if (typeof event.data === 'string') {
      entry = { kind: 'text', data: event.data };
      log('echoed', shorten(event.data));
    } else {
      const bytes = new Uint8Array(event.data);
      entry = { kind: 'binary', bytes: bytes.byteLength };
      log('echoed', `${bytes.byteLength} bytes of binary`);
    }
    received.push(entry);
    while (received.length > MAX_RECEIVED) {
      received.shift();
    }
    settle(event.data);
    render();
  }

  // ---- the connection ----------------------------------------------------------------------

  async function connect() {
    if (pc) {
      throw new Error('already connected: disconnect first');
    }
    const connection = new RTCPeerConnection({ iceServers: [] });
    const dataChannel = connection.createDataChannel('echo');
    dataChannel.binaryType = 'arraybuffer';
    pc = connection;
    channel = dataChannel;
    sessionUrl = null;
    for (const event of [
      'connectionstatechange',
      'iceconnectionstatechange',
      'icegatheringstatechange',
      'signalingstatechange',
    ]) {
      connection.addEventListener(event, render);
    }
    dataChannel.addEventListener('open', render);
    dataChannel.addEventListener('close', render);
    dataChannel.addEventListener('message', onMessage);
    statsTimer = setInterval(refresh, STATS_INTERVAL_MS);
    render();
    try {
      await connection.setLocalDescription(await connection.createOffer());
      if (!(await gatheringComplete(connection, GATHERING_TIMEOUT_MS))) {
        log('info', `ICE gathering still running after ${GATHERING_TIMEOUT_MS} ms; offering what it found`);
      }
      const response = await fetch('/offer', {
        method: 'POST',
        headers: { 'Content-Type': 'application/sdp' },
        body: connection.localDescription.sdp,
        signal: AbortSignal.timeout(OFFER_TIMEOUT_MS),
      });
      const body = await response.text();
      if (response.status !== 201) {
        throw new Error(`the server refused the offer: ${response.status} ${body.trim()}`);
      }
      const location = response.headers.get('Location');
      const url = location ? new URL(location, response.url).href : null;
      if (pc !== connection) {
        if (url) {
          fetch(url, { method: 'DELETE', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).catch(
            () => {},
          );
        }
        throw new Error('disconnected while connecting');
      }
      sessionUrl = url;
      await connection.setRemoteDescription({ type: 'answer', sdp: body });
      await channelOpen(connection, dataChannel, OPEN_TIMEOUT_MS);
      log('info', `connected; session ${sessionUrl}`);
      return state();
    } catch (error) {
      log('error', error.message);
      if (pc === connection) {
        await disconnect();
      }
      throw error;
    } finally {
      render();
    }
  }

  async function disconnect() {
    const url = sessionUrl;
    if (pc) {
      clearInterval(statsTimer);
      statsTimer = null;
      if (channel) {
        channel.close();
      }
      pc.close();
      pc = null;
      channel = null;
      sessionUrl = null;
      for (const waiter of pending.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('disconnected'));
      }
    }
    render();
    if (url) {
      try {
        const response = await fetch(url, {
          method: 'DELETE',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        log('info', response.ok ? 'session closed' : `DELETE of the session: ${response.status}`);
      } catch (error) {
        log('error', `DELETE of the session: ${error.message}`);
      }
    }
  }

  function openChannel() {
    if (!channel || channel.readyState !== 'open') {
      throw new Error('the channel is not open: connect first');
    }
    return channel;
  }

  async function send(text) {
    try {
      const message = String(text);
      const dataChannel = openChannel();
      const echoed = expectEcho((data) => data === message, JSON.stringify(shorten(message)));
      dataChannel.send(message);
      log('sent', shorten(message));
      return await echoed;
    } catch (error) {
      log('error', error.message);
      throw error;
    }
  }

  async function sendBinary(size = 1024) {
    try {
      if (!Number.isInteger(size) || size < 1 || size > MAX_BINARY_BYTES) {
        throw new Error(`a binary message has 1 to ${MAX_BINARY_BYTES} bytes, not ${size}`);
      }
      const dataChannel = openChannel();
      const bytes = new Uint8Array(size);
      crypto.getRandomValues(bytes);
      const echoed = expectEcho(
        (data) => typeof data !== 'string' && sameBytes(new Uint8Array(data), bytes),
        `${size} bytes of binary`,
      );
      dataChannel.send(bytes);
      log('sent', `${size} bytes of binary`);
      await echoed;
      return size;
    } catch (error) {
      log('error', error.message);
      throw error;
    }
  }

  function state() {
    return {
      connectionState: pc ? pc.connectionState : 'none',
      iceConnectionState: pc ? pc.iceConnectionState : 'none',
      iceGatheringState: pc ? pc.iceGatheringState : 'none',
      signalingState: pc ? pc.signalingState : 'none',
      channelState: channel ? channel.readyState : 'none',
      session: sessionUrl,
    };
  }

  // ---- what the page shows -----------------------------------------------------------------

  function fill(list, entries) {
    const items = [];
    for (const [name, value] of entries) {
      const term = document.createElement('dt');
      term.textContent = name;
      const description = document.createElement('dd');
      description.textContent = String(value);
      items.push(term, description);
    }
    list.replaceChildren(...items);
  }

  function render() {
    const now = state();
    fill(ui.state, [
      ['connection', now.connectionState],
      ['ICE connection', now.iceConnectionState],
      ['ICE gathering', now.iceGatheringState],
      ['signaling', now.signalingState],
      ['channel "echo"', now.channelState],
    ]);
    const open = now.channelState === 'open';
    ui.connect.disabled = pc !== null;
    ui.disconnect.disabled = pc === null;
    ui.message.disabled = !open;
    ui.send.disabled = !open;
    ui.sendBinary.disabled = !open;
  }

  // The figures of webrtc-stats: the data channel's, the transport's and its selected pair's.
  async function refresh() {
    if (!pc || refreshing) {
      return;
    }
    refreshing = true;
    try {
      const report = await pc.getStats();
      let dataChannel;
      let transport;
      const pairs = new Map();
      report.forEach((stats) => {
        if (stats.type === 'data-channel' && stats.label === 'echo') {
          dataChannel = stats;
        } else if (stats.type === 'transport') {
          transport = stats;
        } else if (stats.type === 'candidate-pair') {
          pairs.set(stats.id, stats);
        }
      });
      let pair = transport && transport.selectedCandidatePairId
        ? pairs.get(transport.selectedCandidatePairId)
        : undefined;
      if (!pair) {
        pair = [...pairs.values()].find((p) => p.selected || (p.nominated && p.state === 'succeeded'));
      }
      const figure = (value) => (value === undefined ? '-' : value);
      const rtt = pair && pair.currentRoundTripTime !== undefined
        ? `${(pair.currentRoundTripTime * 1000).toFixed(1)} ms`
        : '-';
      fill(ui.stats, [
        ['bytes sent', figure((transport || pair || {}).bytesSent)],
        ['bytes received', figure((transport || pair || {}).bytesReceived)],
        ['messages sent', figure(dataChannel && dataChannel.messagesSent)],
        ['messages received', figure(dataChannel && dataChannel.messagesReceived)],
        ['current RTT', rtt],
      ]);
      if (sessionUrl) {
        const response = await fetch(sessionUrl, {
          cache: 'no-store',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        ui.session.textContent = response.ok
          ? JSON.stringify(await response.json(), null, 2)
          : `${response.status} ${(await response.text()).trim()}`;
      }
    } catch (error) {
      ui.session.textContent = `stats unavailable: ${error.message}`;
    } finally {
      refreshing = false;
    }
  }

  // ---- wiring ------------------------------------------------------------------------------

  // Each action logs its own failure; the buttons only start them.
  const quietly = (promise) => promise.catch(() => {});
  ui.connect.addEventListener('click', () => quietly(connect()));
  ui.disconnect.addEventListener('click', () => quietly(disconnect()));
  ui.send.addEventListener('click', () => quietly(send(ui.message.value)));
  ui.sendBinary.addEventListener('click', () => quietly(sendBinary(1024)));
  ui.message.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      quietly(send(ui.message.value));
    }
  });
  // Leaving the page ends the session on the server too.
  window.addEventListener('pagehide', () => {
    if (sessionUrl) {
      fetch(sessionUrl, { method: 'DELETE', keepalive: true }).catch(() => {});
    }
  });

  window.demo = Object.freeze({
    connect,
    disconnect,
    send,
    sendBinary,
    state,
    received: () => received.map((entry) => ({ ...entry })),
  });
  render();
  document.documentElement.dataset.demo = 'ready';
})();
