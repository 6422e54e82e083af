// Surviving a server restart (reconnect with since, no duplicate questions), every page at a
// 360-px phone width without horizontal scrolling, the CSP (no inline code or style blocked),
// and the certificate verification page for an unknown code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, removeDir, launchBrowser, newPage, screenshot, join, login, waitInPage, demoPeople, uploadMaterial, tinyPdf,
} from './lib/harness.mjs';

let server;
let browser;
let demo;
const pages = [];

before(async () => {
  server = await startServer();
  demo = server.demo;
  browser = await launchBrowser();
});

after(async () => {
  for (const p of pages) await p.context().close().catch(() => {});
  if (browser) await browser.close();
  if (server) {
    await server.stop();
    await removeDir(server.dataDir);
  }
});

async function open(width, height) {
  const page = await newPage(browser, { width, height });
  pages.push(page);
  // Any CSP violation is a bug (inline script or style, something fetched from elsewhere).
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

async function noHorizontalScroll(page, what) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${what}: the page is ${scroll}px wide in a ${client}px window`);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], `${what}: CSP violations`);
}

async function staffLogin(page, path, account) {
  await page.goto(`${server.url}${path}`);
  await page.locator('input[type=password]').waitFor();
  await page.fill('#username', account.username);
  await page.fill('#password', account.password);
  await page.click('#login-form button[type=submit]');
}

test('every page fits a 360-px phone without horizontal scrolling', async () => {
  const person = demoPeople(demo, 'online')[0];
  const asker = await join(server.url, demoPeople(demo, 'online')[1].code);
  await asker.ok('POST', `/sessions/${demo.speaker.session_id}/questions`, {
    text: 'Pertanyaan yang sangat panjang tanpa spasi: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  });
  // A material with a long name without spaces (phones must wrap it, not scroll).
  const speaker = await login(server.url, demo.speaker.username, demo.speaker.password);
  await uploadMaterial(server.url, speaker.token, demo.speaker.session_id,
    'Materi_Pemasaran_Digital_dan_Pencatatan_Keuangan_Sederhana_untuk_KPM_PKH_Graduasi_DKI_Jakarta_2026.pdf', tinyPdf());

  const p = await open(360, 740);
  await p.goto(`${server.url}/`);
  await p.locator('#code').waitFor();
  await noHorizontalScroll(p, 'join form');
  await screenshot(p, 'phone-join');
  await p.goto(`${server.url}/?code=${person.code}`);
  await p.locator('#questions li').first().waitFor({ timeout: 5000 });
  await p.locator('#materials [data-mid]').first().waitFor({ timeout: 5000 });
  await p.click('#agenda-box summary');
  await noHorizontalScroll(p, 'participant page');
  await screenshot(p, 'phone-participant');

  const s = await open(360, 740);
  await s.goto(`${server.url}/present`);
  await s.locator('input[type=password]').waitFor();
  await noHorizontalScroll(s, 'present login');
  await screenshot(s, 'phone-present-login');
  await staffLogin(s, '/present', demo.speaker);
  await s.locator('#open li[data-qid]').first().waitFor({ timeout: 5000 });
  await s.locator('#materials [data-mid]').first().waitFor({ timeout: 5000 });
  await noHorizontalScroll(s, 'present page');
  await screenshot(s, 'phone-present');

  const d = await open(360, 740);
  await staffLogin(d, '/dashboard', demo.coordinator);
  await waitInPage(d, 'the roster', () => document.querySelectorAll('#roster-body tr').length > 0, null, 5000);
  await noHorizontalScroll(d, 'dashboard live');
  await screenshot(d, 'phone-dashboard');
  for (const tab of ['roster', 'setup']) {
    await d.click(`#tab-${tab}`);
    await noHorizontalScroll(d, `dashboard ${tab}`);
    await screenshot(d, `phone-dashboard-${tab}`, tab === 'roster' ? '#import-title >> xpath=..' : null);
  }

  const v = await open(360, 740);
  await v.goto(`${server.url}/verify/ABCD2345`);
  await waitInPage(v, 'the verification answer', () => !document.querySelector('#result').textContent.includes('Memuat'), null, 5000);
  await noHorizontalScroll(v, 'verify page');
  await screenshot(v, 'phone-verify');
});

test('a page survives the server restarting: it reconnects, catches up, and shows no duplicates', async () => {
  const person = demoPeople(demo, 'online')[2];
  const page = await open(412, 900);
  await page.goto(`${server.url}/?code=${person.code}`);
  await page.locator('#qa-box').waitFor({ timeout: 5000 });
  const asker = await join(server.url, demoPeople(demo, 'online')[3].code);
  const first = await asker.ok('POST', `/sessions/${demo.speaker.session_id}/questions`, { text: 'Sebelum server dimulai ulang' });
  await page.locator(`#questions [data-qid="${first.id}"]`).waitFor({ timeout: 3000 });

  // After the restart the page resumes with "since": no reload of the questions over HTTP.
  let reloads = 0;
  page.on('request', (r) => {
    if (r.method() === 'GET' && /\/api\/v1\/sessions\/\d+\/questions$/.test(new URL(r.url()).pathname)) reloads += 1;
  });
  const { port, dataDir } = server;
  await server.stop();
  await waitInPage(page, 'the reconnecting notice', () => !document.querySelector('#conn').hidden, null, 5000);
  assert.match(await page.textContent('#conn'), /Menyambung ulang/);
  await screenshot(page, 'participant-reconnecting');

  server = await startServer({ dataDir, port, demo: false });
  server.demo = demo;
  // Posted at once: the page most likely gets it through the replay after its hello.
  const second = await asker.ok('POST', `/sessions/${demo.speaker.session_id}/questions`, { text: 'Sesudah server dimulai ulang' });
  await page.locator(`#questions [data-qid="${second.id}"]`).waitFor({ timeout: 35000 });
  await waitInPage(page, 'the notice gone', () => document.querySelector('#conn').hidden, null, 5000);
  // And one that comes live.
  const third = await asker.ok('POST', `/sessions/${demo.speaker.session_id}/questions`, { text: 'Langsung setelah tersambung' });
  await page.locator(`#questions [data-qid="${third.id}"]`).waitFor({ timeout: 3000 });

  const ids = await page.evaluate(() => [...document.querySelectorAll('#questions li')].map((li) => li.dataset.qid));
  assert.equal(new Set(ids).size, ids.length, `no duplicates: ${ids.join(',')}`);
  assert.equal(reloads, 0, 'the page caught up through the stream, not by reloading');
  const listed = (await asker.ok('GET', `/sessions/${demo.speaker.session_id}/questions`)).questions.map((q) => String(q.id));
  assert.deepEqual([...ids].sort(), [...listed].sort(), 'the page shows exactly the session\u2019s questions');
});

test('the certificate verification page says when a code is unknown', async () => {
  const page = await open(412, 900);
  await page.goto(`${server.url}/verify/ZZZZ9999ZZZZ`);
  await waitInPage(page, 'unknown certificate', () => document.querySelector('#result')?.dataset.state === 'unknown', null, 5000);
  assert.match(await page.textContent('#result'), /tidak ditemukan/);
  assert.equal(await page.textContent('#code'), 'ZZZZ9999ZZZZ');
  await screenshot(page, 'verify-unknown');
  // In English.
  await page.click('#lang');
  await waitInPage(page, 'english', () => /No certificate has this code/.test(document.querySelector('#result').textContent), null, 3000);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
});
