// Test harness for the browser tests: the real bimtek-server on a free port with a fresh data
// directory, headless Chromium through playwright-core, a small API client, and screenshots.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  throw new Error(`playwright-core is missing: run "npm ci" in tests/web (scripts/test does): ${e.message}`);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');

export const SERVER_BIN = process.env.BIMTEK_SERVER_BIN || path.join(repo, 'build/bin/bimtek-server');
export const WEB_DIR = process.env.BIMTEK_WEB_DIR || path.join(repo, 'web');
export const OUTPUT_DIR = process.env.BIMTEK_TEST_OUTPUT || path.join(repo, 'build/web-test-output');
export const CHROMIUM = process.env.BIMTEK_CHROMIUM || '/usr/bin/chromium';

// Starts bimtek-server and resolves once it prints "listening on http://HOST:PORT".
// {dataDir, port = 0, demo = true, args = []} -> {proc, port, url, dataDir, log(), stop()}
export async function startServer({ dataDir, port = 0, demo = true, args: extra = [] } = {}) {
  const dir = dataDir || (await mkdtemp(path.join(tmpdir(), 'bimtek-web-')));
  const args = ['--data', dir, '--port', String(port), '--web', WEB_DIR, '--threads', '2', ...extra];
  if (demo) args.push('--demo');
  const proc = spawn(SERVER_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Never leave a server behind, even when the test run is cut short.
  const reap = () => { if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL'); };
  process.once('exit', reap);
  proc.once('exit', () => process.removeListener('exit', reap));
  let output = '';
  const onData = (chunk) => { output += chunk.toString(); };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  const listening = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bimtek-server did not start within 60 s:\n${output}`)), 60000);
    const check = () => {
      const m = output.match(/listening on (http:\/\/[^\s]+):(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ host: m[1], port: Number(m[2]) });
      }
    };
    proc.stdout.on('data', check);
    proc.stderr.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bimtek-server exited with ${code} before listening:\n${output}`));
    });
  });
  const server = {
    proc,
    port: listening.port,
    url: `${listening.host}:${listening.port}`,
    dataDir: dir,
    log: () => output,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    },
  };
  if (demo) {
    // The demo file is written before the server listens.
    server.demo = JSON.parse(await readFile(path.join(dir, 'demo.json'), 'utf8'));
  }
  return server;
}

export async function removeDir(dir) {
  await rm(dir, { recursive: true, force: true });
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

// A fresh context (its own localStorage) and page, with browser errors collected in page.errors.
export async function newPage(browser, { width = 1280, height = 900, lang = 'id' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: lang === 'en' ? 'en-GB' : 'id-ID' });
  const page = await context.newPage();
  page.errors = [];
  page.dialogs = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  page.on('dialog', async (d) => {
    page.dialogs.push(d.message());
    if (d.type() === 'confirm') await d.accept();
    else await d.dismiss();
  });
  return page;
}

// The whole page, or only the element "selector" (long pages such as the full roster).
export async function screenshot(page, name, selector = null) {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name}.png`);
  if (selector) await page.locator(selector).screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
}

// A minimal API client for driving the server from the test.
export function apiClient(baseUrl, token = null) {
  async function call(method, p, body, contentType) {
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    let payload;
    if (body !== undefined) {
      if (contentType) {
        headers['Content-Type'] = contentType;
        payload = body;
      } else {
        headers['Content-Type'] = 'application/json';
        payload = JSON.stringify(body);
      }
    }
    const res = await fetch(`${baseUrl}/api/v1${p}`, { method, headers, body: payload });
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (_) { data = text; }
    return { status: res.status, data };
  }
  const client = {
    call,
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b),
    patch: (p, b) => call('PATCH', p, b),
    del: (p) => call('DELETE', p),
    async ok(method, p, b) {
      const r = await call(method, p, b);
      if (r.status < 200 || r.status >= 300) throw new Error(`${method} ${p} -> ${r.status} ${JSON.stringify(r.data)}`);
      return r.data;
    },
  };
  return client;
}

export async function login(baseUrl, username, password) {
  const r = await apiClient(baseUrl).ok('POST', '/login', { username, password });
  const c = apiClient(baseUrl, r.token);
  c.token = r.token;
  c.user = r.user;
  return c;
}

export async function join(baseUrl, code) {
  const r = await apiClient(baseUrl).ok('POST', '/join', { code });
  const c = apiClient(baseUrl, r.token);
  c.participant = r.participant;
  c.token = r.token;
  return c;
}

// Uploads a material as a speaker or coordinator would (the raw file, ?filename=) -> material.
export async function uploadMaterial(baseUrl, token, sessionId, filename, bytes, contentType = 'application/pdf',
  { published = true } = {}) {
  const q = `filename=${encodeURIComponent(filename)}${published ? '' : '&published=false'}`;
  const res = await fetch(`${baseUrl}/api/v1/sessions/${sessionId}/materials?${q}`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType }, body: bytes,
  });
  const data = await res.json();
  if (res.status !== 201) throw new Error(`upload ${filename} -> ${res.status} ${JSON.stringify(data)}`);
  return data;
}

// A small but well-formed PDF (one empty page), with "label" in it so uploads differ.
export function tinyPdf(label = 'bimtek') {
  return Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n`
    + '2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n'
    + '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\n'
    + 'trailer <</Root 1 0 R>>\n%%EOF\n');
}

// The bytes of a Playwright download.
export async function downloadBytes(download) {
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// Clicks "selector" and returns the download it starts: {download, name, bytes}.
export async function clickDownload(page, selector, timeout = 10000) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), page.click(selector)]);
  const failure = await download.failure();
  if (failure) throw new Error(`download from ${selector} failed: ${failure}`);
  return { download, name: download.suggestedFilename(), bytes: await downloadBytes(download) };
}

// Waits until "fn" (run in the page) returns a truthy value; fails with "what" after "timeout".
export async function waitInPage(page, what, fn, arg, timeout = 5000) {
  try {
    return await page.waitForFunction(fn, arg, { timeout, polling: 50 });
  } catch (e) {
    throw new Error(`timed out after ${timeout} ms waiting for: ${what}`);
  }
}

// The participants of the demo by mode.
export function demoPeople(demo, mode) {
  return demo.participants.filter((p) => p.mode === mode);
}

// The wall-clock "YYYY-MM-DDTHH:MM" of an instant in a time zone (for datetime-local inputs).
export function wallClock(date, timeZone = 'Asia/Jakarta') {
  const parts = {};
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (const p of f.formatToParts(date)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
