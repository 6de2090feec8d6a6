"use strict";
// The browser side of rtc4j's interop scenarios. For each scenario and direction it connects one
// RTCPeerConnection to rtc4j (through the page's own server), runs the scenario on the data
// channels, and POSTs {scenario, direction, ok, detail, transport, userAgent} to /report.
// rtc4j echoes every message on every channel; in the rtc4j-offers direction the text
// "rtc4j:close" makes it close that channel itself.

const STEP_MS = 10000;       // the longest wait for any one thing (an echo, an open, a close)
const SCENARIO_MS = 25000;   // the longest a scenario may take, connection included
const CLOSE_COMMAND = "rtc4j:close";

const params = new URLSearchParams(location.search);

function log(text) {
  console.log("rtc4j interop: " + text);
  fetch("/log", {method: "POST", body: text}).catch(() => {});
}

function timeout(promise, ms, what) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out after " + ms + " ms: " + what)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

function check(condition, what) {
  if (!condition) {
    throw new Error(what);
  }
}

// Everything that arrives on one channel, and waits for it.
class Inbox {
  constructor(channel) {
    this.channel = channel;
    this.messages = [];
    this.waiters = [];
    channel.binaryType = "arraybuffer";
    channel.addEventListener("message", e => {
      this.messages.push(e.data);
      this.waiters = this.waiters.filter(w => !w());
    });
  }

  // Resolves once `count` messages have arrived; rejects after `ms`.
  waitFor(count, ms) {
    const arrived = new Promise(resolve => {
      const done = () => {
        if (this.messages.length >= count) {
          resolve(this.messages);
          return true;
        }
        return false;
      };
      if (!done()) {
        this.waiters.push(done);
      }
    });
    return timeout(arrived, ms,
        this.channel.label + ": " + count + " messages (have " + this.messages.length + ")");
  }

  // Resolves with what arrived once `count` messages have, or nothing new came for `quietMs`.
  async settle(count, quietMs) {
    let seen = -1;
    for (let i = 0; i < 200 && this.messages.length < count && this.messages.length !== seen; i++) {
      seen = this.messages.length;
      try {
        await this.waitFor(count, quietMs);
      } catch (e) {
        // nothing new for quietMs: look again whether anything came at all
      }
    }
    return this.messages;
  }
}

function whenOpen(channel) {
  if (channel.readyState === "open") {
    return Promise.resolve();
  }
  return timeout(new Promise((resolve, reject) => {
    channel.addEventListener("open", resolve);
    channel.addEventListener("close", () => reject(new Error(channel.label + " closed unopened")));
  }), STEP_MS, channel.label + " opens");
}

function whenClosed(channel) {
  if (channel.readyState === "closed") {
    return Promise.resolve();
  }
  return timeout(new Promise(resolve => channel.addEventListener("close", resolve)),
      STEP_MS, channel.label + " gets onclose (readyState " + channel.readyState + ")");
}

function whenGathered(pc) {
  if (pc.iceGatheringState === "complete") {
    return Promise.resolve();
  }
  return timeout(new Promise(resolve => {
    pc.addEventListener("icegatheringstatechange", () => {
      if (pc.iceGatheringState === "complete") {
        resolve();
      }
    });
  }), STEP_MS, "ICE gathering completes");
}

function bytes(length, seed) {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function sameMessage(sent, got) {
  if (typeof sent === "string") {
    return typeof got === "string" && got === sent;
  }
  if (!(got instanceof ArrayBuffer) || got.byteLength !== sent.byteLength) {
    return false;
  }
  const g = new Uint8Array(got);
  for (let i = 0; i < g.length; i++) {
    if (g[i] !== sent[i]) {
      return false;
    }
  }
  return true;
}

function describe(m) {
  return typeof m === "string"
      ? "text(" + m.length + ") " + JSON.stringify(m.slice(0, 40))
      : m instanceof ArrayBuffer ? "binary(" + m.byteLength + ")" : "other " + String(m);
}

// Sends `messages` on `label` and checks they all come back, in order, with type and bytes.
async function echoAll(ctx, label, messages, ms) {
  const inbox = ctx.inbox[label];
  const before = inbox.messages.length;
  for (const m of messages) {
    ctx.ch[label].send(m);
  }
  const got = (await inbox.waitFor(before + messages.length, ms)).slice(before);
  for (let i = 0; i < messages.length; i++) {
    check(sameMessage(messages[i], got[i]),
        label + " message " + i + ": sent " + describe(messages[i]) + ", got " + describe(got[i]));
  }
  check(got.length === messages.length, label + ": " + got.length + " echoes for "
      + messages.length + " messages");
}

// Polls rtc4j's view of the channel until `closed(view)` holds.
async function awaitRtc4jSeesClose(ctx, label) {
  let last = null;
  for (let i = 0; i < STEP_MS / 100; i++) {
    last = await ctx.rtc4jChannel(label);
    if (last.closed) {
      return last;
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error("rtc4j never saw " + label + " close: " + JSON.stringify(last));
}

const SCENARIOS = {
  // A reliable ordered channel: text and binary come back byte-equal, in order.
  "reliable": {
    channels: [{label: "reliable"}],
    async run(ctx) {
      const ch = ctx.ch["reliable"];
      check(ch.ordered && ch.maxRetransmits === null && ch.maxPacketLifeTime === null,
          "reliable channel as the browser sees it: ordered " + ch.ordered
          + ", maxRetransmits " + ch.maxRetransmits);
      await echoAll(ctx, "reliable",
          ["hello rtc4j", bytes(256, 7), "ü€𝄞 ✓", bytes(1200, 8), "last"], STEP_MS);
      return "5 messages echoed in order";
    },
  },

  // Unordered, maxRetransmits 0: on loopback nothing is lost, but only >= 90% is asserted; no
  // duplicates, nothing corrupted.
  "unordered": {
    channels: [{label: "unordered", ordered: false, maxRetransmits: 0}],
    async run(ctx) {
      const ch = ctx.ch["unordered"];
      check(ch.ordered === false && ch.maxRetransmits === 0,
          "the channel as the browser sees it: ordered " + ch.ordered
          + ", maxRetransmits " + ch.maxRetransmits);
      const n = 300;
      for (let i = 0; i < n; i++) {
        ch.send("u-" + i);
      }
      const got = await ctx.inbox["unordered"].settle(n, 2000);
      const seen = new Set();
      let outOfOrder = 0;
      let previous = -1;
      for (const m of got) {
        const match = typeof m === "string" ? /^u-(\d+)$/.exec(m) : null;
        check(match && Number(match[1]) < n, "corrupted message: " + describe(m));
        const i = Number(match[1]);
        check(!seen.has(i), "duplicate message " + m);
        seen.add(i);
        if (i < previous) {
          outOfOrder++;
        }
        previous = i;
      }
      check(seen.size >= 0.9 * n, "only " + seen.size + " of " + n + " came back");
      return seen.size + " of " + n + " back, none duplicated, " + outOfOrder + " out of order";
    },
  },

  // Three channels at once, their messages interleaved: each gets exactly its own, in order.
  "three-channels": {
    channels: [{label: "three-a"}, {label: "three-b"}, {label: "three-c"}],
    async run(ctx) {
      const labels = ["three-a", "three-b", "three-c"];
      const ids = labels.map(l => ctx.ch[l].id);
      check(new Set(ids).size === 3, "three distinct stream ids: " + ids);
      const n = 50;
      for (let i = 0; i < n; i++) {
        for (const l of labels) {
          ctx.ch[l].send(l + ":" + i);
        }
      }
      for (const l of labels) {
        const got = await ctx.inbox[l].waitFor(n, STEP_MS);
        for (let i = 0; i < n; i++) {
          check(got[i] === l + ":" + i, l + " message " + i + " is " + describe(got[i]));
        }
      }
      return "3 channels (ids " + ids + ") x " + n + " messages, each on its own, in order";
    },
  },

  // Text and binary interleaved on one channel, including empty messages of both kinds.
  "binary-and-text": {
    channels: [{label: "mixed"}],
    async run(ctx) {
      const messages = [];
      for (let i = 0; i < 60; i++) {
        messages.push(i % 2 === 0 ? "text " + i + " — ☃ " + "x".repeat(i * 13)
            : bytes((i * 37) % 1000 + 1, i));
      }
      await echoAll(ctx, "mixed", messages, STEP_MS);
      await echoAll(ctx, "mixed", ["", new Uint8Array(0), "after empty"], STEP_MS);
      return "60 interleaved text/binary messages, then an empty text and an empty binary";
    },
  },

  // One 256 KiB binary message, echoed byte-equal.
  "large-message": {
    channels: [{label: "large"}],
    async run(ctx) {
      const big = bytes(256 * 1024, 42);
      await echoAll(ctx, "large", [big], STEP_MS);
      return "262144 bytes echoed byte-equal";
    },
  },

  // 1000 messages sent in one burst: all back, in order.
  "burst": {
    channels: [{label: "burst"}],
    async run(ctx) {
      const n = 1000;
      const messages = [];
      for (let i = 0; i < n; i++) {
        messages.push("burst-" + i + "-" + "y".repeat(i % 50));
      }
      await echoAll(ctx, "burst", messages, 2 * STEP_MS);
      return n + " messages back in order";
    },
  },

  // Channel close from each side.
  "close": {
    channels: [{label: "close-by-browser"}, {label: "close-by-rtc4j"}],
    async run(ctx) {
      await echoAll(ctx, "close-by-browser", ["before close"], STEP_MS);
      await echoAll(ctx, "close-by-rtc4j", ["before close"], STEP_MS);
      // The browser closes: its channel reaches 'closed' and rtc4j sees the close.
      const mine = ctx.ch["close-by-browser"];
      const before = await ctx.rtc4jChannel("close-by-browser");
      check(!before.closed && before.rtc4j.readyState === "open",
          "rtc4j has the channel open before the browser closes it: " + JSON.stringify(before));
      mine.close();
      await whenClosed(mine);
      check(mine.readyState === "closed", "browser channel readyState " + mine.readyState);
      const seen = await awaitRtc4jSeesClose(ctx, "close-by-browser");
      // rtc4j closes: the browser gets onclose.
      const theirs = ctx.ch["close-by-rtc4j"];
      let how;
      if (ctx.direction === "rtc4j-offers") {
        theirs.send(CLOSE_COMMAND);
        how = "rtc4j closed its channel";
      } else {
        // The echo sessions never close a channel of their own accord: end the session instead.
        const r = await fetch(ctx.session, {method: "DELETE"});
        check(r.status === 200, "DELETE " + ctx.session + ": " + r.status);
        how = "rtc4j's session was DELETEd (the echo host closes no single channel)";
      }
      await whenClosed(theirs);
      let closedByRtc4j = "";
      if (ctx.direction === "rtc4j-offers") {
        const after = await awaitRtc4jSeesClose(ctx, "close-by-rtc4j");
        check(after.rtc4j.closedByRtc4j && after.rtc4j.readyState === "closed",
            "rtc4j's own channel ends closed: " + JSON.stringify(after));
        closedByRtc4j = " and rtc4j's channel reached closed";
      }
      return "browser close seen by rtc4j (" + JSON.stringify(seen) + "); " + how
          + ", browser got onclose" + closedByRtc4j;
    },
  },
};

async function transportOf(pc) {
  const out = {};
  try {
    const stats = await pc.getStats();
    stats.forEach(s => {
      if (s.type === "transport") {
        for (const k of ["dtlsState", "dtlsRole", "tlsVersion", "dtlsCipher", "iceState"]) {
          if (s[k] !== undefined) {
            out[k] = s[k];
          }
        }
      }
    });
  } catch (e) {
    out.error = String(e);
  }
  return out;
}

function channelInit(spec) {
  const init = {};
  if (spec.ordered === false) {
    init.ordered = false;
  }
  if (spec.maxRetransmits !== undefined) {
    init.maxRetransmits = spec.maxRetransmits;
  }
  return init;
}

async function expectStatus(response, status, what) {
  if (response.status !== status) {
    throw new Error(what + ": HTTP " + response.status + " " + await response.text());
  }
  return response;
}

// The browser offers: through the demo's WHIP-style POST /offer; rtc4j echoes.
async function browserOffers(pc, scenario, ctx) {
  for (const spec of scenario.channels) {
    ctx.ch[spec.label] = pc.createDataChannel(spec.label, channelInit(spec));
    ctx.inbox[spec.label] = new Inbox(ctx.ch[spec.label]);
  }
  await pc.setLocalDescription();
  await whenGathered(pc);
  const r = await expectStatus(await fetch("/offer", {method: "POST",
      headers: {"Content-Type": "application/sdp"}, body: pc.localDescription.sdp}), 201,
      "POST /offer");
  ctx.session = r.headers.get("Location");
  const answer = await r.text();
  await pc.setRemoteDescription({type: "answer", sdp: answer});
  // rtc4j's view: a channel it no longer lists is closed.
  ctx.rtc4jChannel = async label => {
    const state = await (await fetch(ctx.session)).json();
    const c = state.channels.find(c => c.label === label);
    return {closed: c === undefined || c.readyState === "closed", rtc4j: c || "not listed"};
  };
}

// rtc4j offers, with the channels the scenario needs; the browser answers.
async function rtc4jOffers(pc, scenario, ctx) {
  const lines = scenario.channels.map(s => s.label + " " + (s.ordered !== false) + " "
      + (s.maxRetransmits === undefined ? "-" : s.maxRetransmits));
  const arrived = new Promise(resolve => {
    pc.ondatachannel = e => {
      ctx.ch[e.channel.label] = e.channel;
      ctx.inbox[e.channel.label] = new Inbox(e.channel);
      if (scenario.channels.every(s => ctx.ch[s.label])) {
        resolve();
      }
    };
  });
  const r = await expectStatus(await fetch("/rtc4j-offer", {method: "POST",
      body: lines.join("\n")}), 201, "POST /rtc4j-offer");
  ctx.session = r.headers.get("Location");
  const offer = await r.text();
  await pc.setRemoteDescription({type: "offer", sdp: offer});
  await pc.setLocalDescription();
  await whenGathered(pc);
  const id = ctx.session.substring(ctx.session.lastIndexOf("/") + 1);
  await expectStatus(await fetch("/rtc4j-answer/" + id, {method: "POST",
      body: pc.localDescription.sdp}), 204, "POST /rtc4j-answer");
  await timeout(arrived, STEP_MS, "every channel rtc4j opened arrives (ondatachannel)");
  ctx.rtc4jChannel = async label => {
    const state = await (await fetch(ctx.session)).json();
    const c = state.channels.find(c => c.label === label);
    return {closed: c !== undefined && c.closeSeen, rtc4j: c || "not listed"};
  };
}

async function runOne(name, direction) {
  const scenario = SCENARIOS[name];
  const pc = new RTCPeerConnection();
  const ctx = {direction, ch: {}, inbox: {}, session: null};
  const states = [];
  pc.addEventListener("connectionstatechange", () => states.push(pc.connectionState));
  const started = performance.now();
  const result = {scenario: name, direction, ok: false};
  try {
    await timeout((async () => {
      if (direction === "browser-offers") {
        await browserOffers(pc, scenario, ctx);
      } else {
        await rtc4jOffers(pc, scenario, ctx);
      }
      for (const spec of scenario.channels) {
        await whenOpen(ctx.ch[spec.label]);
      }
      result.transport = await transportOf(pc);
      result.detail = await scenario.run(ctx);
      result.ok = true;
    })(), SCENARIO_MS, name + " " + direction);
  } catch (e) {
    result.detail = String(e && e.message || e);
    if (ctx.session) {
      try {
        result.rtc4j = await timeout((await fetch(ctx.session)).text(), 2000, "session state");
      } catch (ignored) {
        result.rtc4j = "unavailable";
      }
    }
    if (!result.transport) {
      result.transport = await transportOf(pc);
    }
  }
  result.connectionStates = states;
  result.elapsedMs = Math.round(performance.now() - started);
  pc.close();
  if (direction === "browser-offers" && ctx.session) {
    fetch(ctx.session, {method: "DELETE"}).catch(() => {});
  }
  return result;
}

async function report(result) {
  result.userAgent = navigator.userAgent;
  const body = JSON.stringify(result);
  log("report " + body.slice(0, 300));
  await fetch("/report", {method: "POST", headers: {"Content-Type": "application/json"}, body});
}

async function main() {
  const names = params.get("scenarios") ? params.get("scenarios").split(",")
      : Object.keys(SCENARIOS);
  const directions = params.get("directions") ? params.get("directions").split(",")
      : ["browser-offers", "rtc4j-offers"];
  for (const name of names) {
    for (const direction of directions) {
      if (!SCENARIOS[name]) {
        await report({scenario: name, direction, ok: false, detail: "no such scenario"});
        continue;
      }
      log("start " + name + " " + direction);
      await report(await runOne(name, direction));
    }
  }
  await report({scenario: "done", direction: "-", ok: true, detail: names.length + " scenarios"});
}

main().catch(e => report({scenario: "done", direction: "-", ok: false,
    detail: "page failed: " + String(e && e.stack || e)}));
