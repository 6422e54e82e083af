// The live stream client (docs/protocol.md): hello with token/since/epoch, updates applied in
// seq order exactly once, reload over HTTP when told to (resync, a new epoch, a gap), reconnect
// with back-off (1 s, 2 s, 4 s ... 30 s, with jitter), and an application-level ping every 25 s
// so a dead link is noticed even when the browser does not.
//
// new LiveStream({token, eventId, load, onUpdate, onState, onUnauthorized}).start()
//   token():        the bearer token to send in hello
//   load():         async; (re)loads the page's state over HTTP
//   onUpdate(u):    one update {seq, kind, at, data}, in order, never twice
//   onState(s):     'connecting' | 'live' | 'reconnecting' | 'stopped'
//   onUnauthorized: the token was refused (expired, logged out)

const PING_EVERY_MS = 25000;
const FIRST_LOAD_FALLBACK_MS = 3000;

// The present counts an update carries ({onsite, online}), or null when it carries none.
export function countsOf(data) {
  const c = data && data.counts;
  return c ? { onsite: c.onsite_present, online: c.online_present } : null;
}

export class LiveStream {
  constructor(options) {
    this.options = options;
    this.ws = null;
    this.lastSeq = null;     // last seq applied; null: state not loaded from a welcome yet
    this.epoch = null;
    this.attempts = 0;
    this.loading = false;
    this.buffer = [];
    this.stopped = false;
    this.loadedOnce = false;
    this.state = null;
    this.retryTimer = null;
    this.pingTimer = null;
    this.awaitingPong = false;
    this.onOnline = () => this.reconnectNow();
    this.onVisible = () => {
      if (document.visibilityState === 'visible') this.reconnectNow();
    };
  }

  start() {
    this.stopped = false;
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisible);
    this.setState('connecting');
    this.connect();
    // Show something even when the stream cannot be reached at all.
    this.fallbackTimer = setTimeout(() => {
      if (!this.loadedOnce && !this.stopped) this.reload(false);
    }, FIRST_LOAD_FALLBACK_MS);
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisible);
    clearTimeout(this.retryTimer);
    clearTimeout(this.fallbackTimer);
    clearInterval(this.pingTimer);
    this.detach(true);
    this.setState('stopped');
  }

  setState(s) {
    if (s === this.state) return;
    this.state = s;
    if (this.options.onState) this.options.onState(s);
  }

  connect() {
    clearTimeout(this.retryTimer);
    if (this.stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    let ws;
    try {
      ws = new WebSocket(`${scheme}//${location.host}/ws`);
    } catch (_) {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      const hello = { type: 'hello', token: this.options.token() };
      if (this.options.eventId) hello.event_id = this.options.eventId;
      if (this.lastSeq !== null && this.epoch) {
        hello.since = this.lastSeq;
        hello.epoch = this.epoch;
      }
      this.sentSince = hello.since !== undefined;
      ws.send(JSON.stringify(hello));
      this.awaitingPong = false;
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.ping(), PING_EVERY_MS);
    };
    ws.onmessage = (ev) => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch (_) { return; }
      this.awaitingPong = false;  // anything from the server shows the link is alive
      this.handle(msg);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.pingTimer);
      this.scheduleReconnect();
    };
    ws.onerror = () => { /* onclose follows */ };
  }

  handle(msg) {
    switch (msg.type) {
      case 'welcome':
        this.setState('live');
        if (!this.sentSince || msg.epoch !== this.epoch) {
          // Fresh state: load over HTTP, then apply what comes after the welcome's seq. The
          // back-off restarts only once that worked.
          this.epoch = msg.epoch;
          this.lastSeq = msg.seq;
          this.reload(true);
        } else {
          this.attempts = 0;
        }
        if (this.options.onWelcome) this.options.onWelcome(msg);
        break;
      case 'resync':
        if (msg.reason === 'slow_consumer') break;  // the server closes; we resume with since
        if (typeof msg.seq === 'number') this.lastSeq = msg.seq;
        this.reload(true);
        break;
      case 'update':
        if (this.loading) this.buffer.push(msg);
        else this.apply(msg);
        break;
      case 'error':
        if (msg.code === 'unauthorized' || msg.code === 'forbidden') {
          this.stop();
          if (this.options.onUnauthorized) this.options.onUnauthorized(msg);
        }
        break;
      default:
        break;  // pong and anything newer
    }
  }

  apply(u) {
    if (this.lastSeq === null || typeof u.seq !== 'number') return;
    if (u.seq <= this.lastSeq) return;  // seen already (replay overlap)
    if (u.seq !== this.lastSeq + 1) {
      // A gap means a lost message: start over from a fresh state.
      this.lastSeq = null;
      this.detach(false);
      this.connect();
      return;
    }
    this.lastSeq = u.seq;
    try {
      this.options.onUpdate(u);
    } catch (e) {
      console.error('bimtek: applying update failed', u.kind, e);
    }
  }

  async reload(fromWelcome) {
    if (this.loading) {
      this.reloadAgain = true;
      return;
    }
    this.loading = true;
    try {
      do {
        this.reloadAgain = false;
        await this.options.load();
        this.loadedOnce = true;
        if (fromWelcome) this.attempts = 0;
      } while (this.reloadAgain);
    } catch (e) {
      console.error('bimtek: loading state failed', e);
      if (fromWelcome && this.ws) {
        // Without the state the updates cannot be applied: try the whole thing again later.
        this.lastSeq = null;
        this.detach(false);
        this.scheduleReconnect();
      }
    } finally {
      this.loading = false;
      const pending = this.buffer;
      this.buffer = [];
      for (const u of pending) this.apply(u);
    }
  }

  ping() {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.awaitingPong) {
      // Nothing came back since the last ping: the link is dead even if the socket says not.
      this.detach(false);
      this.scheduleReconnect();
      return;
    }
    this.awaitingPong = true;
    try { this.ws.send('{"type":"ping"}'); } catch (_) { /* onclose follows */ }
  }

  detach(quiet) {
    const ws = this.ws;
    this.ws = null;
    clearInterval(this.pingTimer);
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    try { ws.close(quiet ? 1000 : 4000); } catch (_) { /* already closed */ }
  }

  scheduleReconnect() {
    if (this.stopped) return;
    this.setState('reconnecting');
    clearTimeout(this.retryTimer);
    const base = Math.min(30000, 1000 * 2 ** Math.min(this.attempts, 5));
    const delay = base * (0.8 + Math.random() * 0.4);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  // The network came back or the page became visible: do not wait for the back-off.
  reconnectNow() {
    if (this.stopped || this.ws) return;
    this.attempts = 0;
    this.connect();
  }
}
