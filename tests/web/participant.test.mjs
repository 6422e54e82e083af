// The participants' page (/): joining, the live session, asking and voting, live updates from
// other participants, user text shown as text, the token kept across reloads, the language
// switch, the page weight, the session materials, one's own progress toward completion, the
// certificate, and its public verification page (valid, then revoked).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, removeDir, launchBrowser, newPage, screenshot, join, login, waitInPage, demoPeople, uploadMaterial,
  tinyPdf, clickDownload,
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

test('materials: listed by session when the page opens, new ones live, links that work without the token', async () => {
  const speaker = await login(server.url, demo.speaker.username, demo.speaker.password);
  const first = await uploadMaterial(server.url, speaker.token, sessionId(), 'Modul Kewirausahaan.pdf', tinyPdf('modul'));
  const page = await openAs(demoPeople(demo, 'online')[10]);
  const item = page.locator(`#materials [data-mid="${first.id}"]`);
  await item.waitFor({ timeout: 3000 });
  assert.match(await item.textContent(), /Modul Kewirausahaan\.pdf/);

  // A handout for a later session (uploaded by its speaker before it starts) arrives live, in its
  // own group; a picture can be viewed in the browser.
  const last = demo.sessions[demo.sessions.length - 1];
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
    + '1f15c4890000000d4944415478da63f8cfc0f01f0005000201e2272a3a0000000049454e44ae426082', 'hex');
  const evil = 'Contoh Kemasan <img src=x onerror=alert(1)>.png';
  const later = await uploadMaterial(server.url, speaker.token, last, evil, png, 'image/png');
  const laterItem = page.locator(`#materials [data-sid="${last}"] [data-mid="${later.id}"]`);
  await laterItem.waitFor({ timeout: 3000 });
  assert.equal(await laterItem.locator('.filename').textContent(), evil, 'the name is shown as text');
  assert.equal(await page.locator('#materials img').count(), 0);
  assert.deepEqual(page.dialogs, []);
  assert.match(await page.locator(`#materials [data-sid="${last}"] h3`).textContent(), /Rencana Aksi Usaha/);
  const view = await laterItem.locator('a.view').getAttribute('href');
  const res = await fetch(`${server.url}${view}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  assert.match(res.headers.get('content-disposition'), /^inline/);

  // Downloading by tapping the link.
  const got = await clickDownload(page, `#materials [data-mid="${first.id}"] a.download`);
  assert.equal(got.name, 'Modul Kewirausahaan.pdf');
  assert.equal(got.bytes.subarray(0, 4).toString(), '%PDF');
  await screenshot(page, 'participant-materials-by-session', '#materials-box');
});

// A short required session the participant attends in the room: the coordinator sets the rules
// (only that session required, half of it enough), checks the participant in, starts the
// session, waits a few seconds and ends it.
test('a participant who completed sees it, downloads the certificate, and the verification page follows a revocation', async () => {
  const person = demoPeople(demo, 'onsite')[3];
  const coordinator = await login(server.url, demo.coordinator.username, demo.coordinator.password);
  const event = await coordinator.ok('GET', `/events/${demo.event_id}`);
  const end = Date.parse(event.ends_at);
  const short = await coordinator.ok('POST', `/events/${demo.event_id}/sessions`, {
    title: 'Penutupan dan Evaluasi', planned_start: new Date(end - 20 * 60000).toISOString(),
    planned_end: new Date(end - 10 * 60000).toISOString(), speaker_name: 'Panitia Bimtek',
  });
  await coordinator.ok('PUT', `/events/${demo.event_id}/completion-rules`, { required_sessions: [short.id], min_share: 0.5 });

  const page = await openAs(person);
  await waitInPage(page, 'progress: in progress', () =>
    document.querySelector('#progress-status')?.dataset.status === 'in_progress', null, 5000);
  assert.match(await page.textContent('#progress'), /Penutupan dan Evaluasi/);
  assert.match(await page.textContent('#progress'), /Sedang berjalan/);
  assert.equal(await page.locator('#certificate').isVisible(), false);
  await screenshot(page, 'participant-progress-in-progress', '#me-title >> xpath=..');

  await coordinator.ok('POST', `/events/${demo.event_id}/checkins`, { code: person.code });
  await coordinator.ok('POST', `/sessions/${short.id}/start`);
  await new Promise((r) => setTimeout(r, 3000));
  await coordinator.ok('POST', `/sessions/${short.id}/end`);

  // completion.changed follows the end: the page shows it without a reload.
  await waitInPage(page, 'progress: completed', () =>
    document.querySelector('#progress-status')?.dataset.status === 'completed', null, 6000);
  assert.match(await page.textContent('#progress-status'), /Lulus/);
  await page.locator('#cert-download').waitFor({ state: 'visible' });
  assert.match(await page.textContent('#certificate'), /Selamat/);

  // The certificate is a PDF, saved under the server's name for it.
  const got = await clickDownload(page, '#cert-download');
  assert.equal(got.bytes.subarray(0, 5).toString(), '%PDF-', 'the certificate is a PDF');
  assert.match(got.name, /^Sertifikat .*\.pdf$/);
  const mine = await coordinator.ok('GET', `/participants/${person.id}/completion`);
  const code = mine.certificate.code;
  await waitInPage(page, 'the certificate code on the page', (c) => document.querySelector('#cert-info')?.textContent.includes(c), code, 5000);
  assert.equal(await page.locator('#cert-info a').getAttribute('href'), `/verify/${code}`);
  await screenshot(page, 'participant-completed', '#me-title >> xpath=..');
  assert.deepEqual(page.errors, []);

  // The public verification page: valid, for whom and for which event, and nothing else.
  const verify = await open(412, 900);
  await verify.goto(`${server.url}/verify/${code}`);
  await waitInPage(verify, 'valid', () => document.querySelector('#result')?.dataset.state === 'valid', null, 5000);
  const text = await verify.textContent('#result');
  assert.match(text, /Sertifikat sah/);
  assert.ok(text.includes(person.name), 'the name');
  assert.ok(text.includes(demo.event_title), 'the event');
  for (const secret of [person.code, person.region, 'Luring', 'menit']) assert.ok(!text.includes(secret), `nothing else: ${secret}`);
  await screenshot(verify, 'verify-valid');

  // Revoked through the API: the page says so.
  await coordinator.ok('POST', `/certificates/${code}/revoke`, { reason: 'Data peserta keliru' });
  await verify.reload();
  await waitInPage(verify, 'revoked', () => document.querySelector('#result')?.dataset.state === 'revoked', null, 5000);
  assert.match(await verify.textContent('#result'), /dicabut/);
  assert.ok((await verify.textContent('#result')).includes(person.name));
  await screenshot(verify, 'verify-revoked');
  // The same code typed in lower case with dashes is the same certificate.
  await verify.goto(`${server.url}/verify/${code.toLowerCase().replace(/(....)(....)/, '$1-$2-')}`);
  await waitInPage(verify, 'revoked again', () => document.querySelector('#result')?.dataset.state === 'revoked', null, 5000);

  // The participant's page no longer offers the download.
  await page.reload();
  await page.locator('#cert-revoked').waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await page.locator('#cert-download').isVisible(), false);
  await screenshot(page, 'participant-certificate-revoked', '#me-title >> xpath=..');
});

test('in English, too', async () => {
  const page = await openAs(demoPeople(demo, 'onsite')[3]);
  await page.click('#lang');
  await waitInPage(page, 'english', () => document.querySelector('#progress-status')?.textContent === 'Completed', null, 5000);
  assert.match(await page.textContent('#cert-revoked'), /revoked/);
  assert.match(await page.textContent('#materials-title'), /Session materials/);
  await page.click('#lang');
});
