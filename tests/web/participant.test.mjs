// The participants' page (/): joining, the live session, asking and voting, live updates from
// other participants, user text shown as text, the token kept across reloads, the language
// switch, the page weight, and the issue-6 parts (materials, progress, certificate).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, removeDir, launchBrowser, newPage, screenshot, join, login, hasRoute, waitInPage, demoPeople,
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

async function open(width = 1280, height = 900) {
  const page = await newPage(browser, { width, height });
  pages.push(page);
  return page;
}

async function openAs(person, width = 412) {
  const page = await open(width, 900);
  await page.goto(`${server.url}/?code=${person.code}`);
  await waitInPage(page, 'the event title', () => document.querySelector('#event-title')?.textContent.length > 0, null, 5000);
  return page;
}

const sessionId = () => demo.speaker.session_id;
const questionItem = (page, id) => page.locator(`#questions [data-qid="${id}"]`);

test('opening /?code=CODE shows the event title within 5 s and drops the code from the address', async () => {
  const person = demoPeople(demo, 'online')[0];
  const page = await open(360, 800);
  const started = Date.now();
  await page.goto(`${server.url}/?code=${person.code}`);
  await waitInPage(page, 'the event title', (title) => document.querySelector('#event-title')?.textContent === title,
    demo.event_title, 5000);
  assert.ok(Date.now() - started < 5000);
  assert.equal(new URL(page.url()).search, '', 'the access code must leave the address bar');
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  // The live session is shown.
  await page.locator('#now .badge.live').waitFor();
  assert.match(await page.textContent('#now'), /Kewirausahaan Sosial: dari Bantuan Menuju Kemandirian/);
  assert.match(await page.textContent('#greeting'), new RegExp(person.name));
  await screenshot(page, 'participant-phone');
  assert.deepEqual(page.errors.filter((e) => !/404/.test(e)), []);
});

test('a participant asks and votes; a second participant sees both live without a reload', async () => {
  const [alice, bob] = demoPeople(demo, 'online').slice(1, 3);
  const a = await openAs(alice);
  const b = await openAs(bob);
  await a.locator('#qa-box').waitFor();

  await a.fill('#ask-text', 'Bagaimana cara mengakses modal usaha untuk warung sembako?');
  await a.click('#ask-form button[type=submit]');
  const mine = a.locator('#questions li', { hasText: 'warung sembako' });
  await mine.waitFor({ timeout: 3000 });
  assert.match(await mine.textContent(), /Pertanyaan Anda/);
  const id = await mine.getAttribute('data-qid');

  // Bob's page follows within 3 s, with Alice's name (she did not ask anonymously).
  const onB = questionItem(b, id);
  await onB.waitFor({ timeout: 3000 });
  assert.match(await onB.textContent(), new RegExp(alice.name));

  // Bob upvotes: his button is pressed and both pages show 1 vote.
  await onB.locator('button.vote').click();
  await waitInPage(b, 'bob’s vote pressed', (qid) =>
    document.querySelector(`#questions [data-qid="${qid}"] .vote`)?.getAttribute('aria-pressed') === 'true', id, 3000);
  await waitInPage(a, 'the vote on alice’s page', (qid) =>
    document.querySelector(`#questions [data-qid="${qid}"] .votes`)?.textContent === '1', id, 3000);

  // Voting again takes it back.
  await onB.locator('button.vote').click();
  await waitInPage(a, 'the vote withdrawn', (qid) =>
    document.querySelector(`#questions [data-qid="${qid}"] .votes`)?.textContent === '0', id, 3000);

  // An anonymous question shows no name.
  await b.fill('#ask-text', 'Apakah ada pendampingan setelah bimtek?');
  await b.check('#ask-anon');
  await b.click('#ask-form button[type=submit]');
  const anon = a.locator('#questions li', { hasText: 'pendampingan setelah bimtek' });
  await anon.waitFor({ timeout: 3000 });
  assert.match(await anon.textContent(), /Anonim/);
  assert.doesNotMatch(await anon.textContent(), new RegExp(bob.name));
  await screenshot(a, 'participant-qa');
});

test('a question another participant posts through the API appears within 3 s', async () => {
  const page = await openAs(demoPeople(demo, 'online')[3]);
  const other = await join(server.url, demoPeople(demo, 'onsite')[0].code);
  const q = await other.ok('POST', `/sessions/${sessionId()}/questions`, { text: 'Berapa besar bantuan Prokus untuk usaha kami?' });
  await questionItem(page, q.id).waitFor({ timeout: 3000 });
  assert.equal(await questionItem(page, q.id).locator('.text').textContent(), 'Berapa besar bantuan Prokus untuk usaha kami?');
});

test('user text is never rendered as HTML', async () => {
  const page = await openAs(demoPeople(demo, 'online')[4]);
  const evil = '<img src=x onerror=alert(1)>';
  const other = await join(server.url, demoPeople(demo, 'online')[5].code);
  const q = await other.ok('POST', `/sessions/${sessionId()}/questions`, { text: evil });
  const item = questionItem(page, q.id);
  await item.waitFor({ timeout: 3000 });
  assert.equal(await item.locator('.text').textContent(), evil);
  assert.equal(await page.locator('#questions img').count(), 0);
  // Typed into the form, too.
  await page.fill('#ask-text', `${evil} <b>tebal</b>`);
  await page.click('#ask-form button[type=submit]');
  await page.locator('#questions li', { hasText: '<b>tebal</b>' }).waitFor({ timeout: 3000 });
  assert.equal(await page.locator('#questions img, #questions b').count(), 0);
  assert.deepEqual(page.dialogs, [], 'no script ran');
});

test('the token stays in the browser: a reload does not ask for the code again', async () => {
  const page = await openAs(demoPeople(demo, 'online')[6]);
  await page.reload();
  await waitInPage(page, 'the event title after reload', () => document.querySelector('#event-title')?.textContent.length > 0, null, 5000);
  assert.equal(await page.locator('#join-view').isVisible(), false);
  // Signing out forgets it.
  await page.click('#logout');
  await page.locator('#join-view').waitFor();
  await page.reload();
  await page.locator('#join-view').waitFor();
});

test('joining by typing the code, with the keyboard only; a wrong code is explained', async () => {
  const page = await open(360, 800);
  await page.goto(`${server.url}/`);
  await page.locator('#code').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'code', 'the code field has the focus');
  await page.keyboard.type('ZZZZ-ZZZZ');
  await page.keyboard.press('Enter');
  await waitInPage(page, 'the error message', () => document.querySelector('#join-error')?.textContent.includes('tidak dikenal'), null, 3000);
  await page.fill('#code', demoPeople(demo, 'online')[7].code.toLowerCase());
  await page.focus('#code');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'submit', 'Tab leads to the button');
  await page.keyboard.press('Enter');
  await waitInPage(page, 'the event title', () => document.querySelector('#event-title')?.textContent.length > 0, null, 5000);
  await screenshot(page, 'participant-join-keyboard');
});

test('switching to English changes the text and <html lang>, and is remembered', async () => {
  const page = await openAs(demoPeople(demo, 'online')[8]);
  await page.click('#lang');
  await waitInPage(page, 'lang=en', () => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('#now-title'), 'Current session');
  await page.reload();
  await waitInPage(page, 'english after reload', () => document.querySelector('#now-title')?.textContent === 'Current session', null, 5000);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.click('#lang');
  await waitInPage(page, 'lang=id', () => document.documentElement.lang === 'id');
});

test('the page and every file it loads weigh under 100 KB', async () => {
  const page = await open(360, 800);
  const urls = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === server.url && !u.pathname.startsWith('/api/') && u.pathname !== '/ws') urls.add(u.pathname);
  });
  await page.goto(`${server.url}/?code=${demoPeople(demo, 'online')[9].code}`);
  await waitInPage(page, 'the event title', () => document.querySelector('#event-title')?.textContent.length > 0, null, 5000);
  let total = 0;
  const sizes = {};
  for (const p of urls) {
    const res = await fetch(`${server.url}${p}`);
    assert.equal(res.status, 200, p);
    const bytes = (await res.arrayBuffer()).byteLength;
    sizes[p] = bytes;
    total += bytes;
  }
  assert.ok(urls.has('/') && urls.has('/js/participant.js') && urls.has('/css/base.css'), [...urls].join(' '));
  console.log(`participant page weight: ${total} bytes`, sizes);
  assert.ok(total < 100 * 1024, `the participant page weighs ${total} bytes`);
});

test('materials of the session are listed and follow uploads live (issue 6)', async (t) => {
  const speaker = await login(server.url, demo.speaker.username, demo.speaker.password);
  if (!(await hasRoute(server.url, 'GET', `/sessions/${sessionId()}/materials`, speaker.token))) {
    t.skip('the server has no GET /api/v1/sessions/{id}/materials yet (issue 6)');
    return;
  }
  const page = await openAs(demoPeople(demo, 'online')[10]);
  await page.locator('#materials-box').waitFor();
  const res = await fetch(`${server.url}/api/v1/sessions/${sessionId()}/materials?filename=${encodeURIComponent('Modul Kewirausahaan.pdf')}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${speaker.token}`, 'Content-Type': 'application/pdf' },
    body: '%PDF-1.4\n% bimtek test\n',
  });
  assert.equal(res.status, 201);
  await page.locator('#materials li', { hasText: 'Modul Kewirausahaan.pdf' }).waitFor({ timeout: 3000 });
});

test('own attendance progress and the certificate (issue 6)', async (t) => {
  const person = demoPeople(demo, 'online')[11];
  const me = await join(server.url, person.code);
  if (!(await hasRoute(server.url, 'GET', `/participants/${person.id}/completion`, me.token))) {
    t.skip('the server has no GET /api/v1/participants/{id}/completion yet (issue 6)');
    return;
  }
  const page = await openAs(person);
  await waitInPage(page, 'the completion status', () => document.querySelector('#progress .badge') !== null, null, 5000);
  const status = (await me.ok('GET', `/participants/${person.id}/completion`)).status;
  assert.equal(await page.locator('#certificate').isVisible(), status === 'completed');
});
