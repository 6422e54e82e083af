// The coordinators' page (/dashboard): signing in, live counts following check-ins and online
// joins, the live feed, manual check-in from a search, the roster's filters, the CSV import with
// a bad line's error, setting up the agenda with a new speaker account, and exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, removeDir, launchBrowser, newPage, screenshot, login, waitInPage, demoPeople, hasRoute, wallClock,
} from './lib/harness.mjs';

let server;
let browser;
let demo;
let dash;
let coordinator;
const pages = [];

before(async () => {
  server = await startServer();
  demo = server.demo;
  browser = await launchBrowser();
  coordinator = await login(server.url, demo.coordinator.username, demo.coordinator.password);
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

const count = (page, kind) => page.evaluate((k) => document.querySelector(`#count-${k}`)?.textContent, kind);

test('the dashboard has a login form; the coordinator signs in and sees the counts', async () => {
  dash = await open();
  await dash.goto(`${server.url}/dashboard`);
  await dash.locator('input[type=password]').waitFor({ timeout: 5000 });
  // A wrong password is explained.
  await dash.fill('#username', demo.coordinator.username);
  await dash.fill('#password', 'salah-sekali');
  await dash.click('#login-form button[type=submit]');
  await waitInPage(dash, 'the login error', () => document.querySelector('#login-error').textContent.length > 0, null, 3000);
  await dash.fill('#password', demo.coordinator.password);
  await dash.click('#login-form button[type=submit]');
  await waitInPage(dash, 'the event title', (title) => document.querySelector('#event-title')?.textContent === title, demo.event_title, 5000);
  await waitInPage(dash, 'the roster loaded', () => document.querySelectorAll('#roster-body tr').length > 0, null, 5000);
  assert.equal(await count(dash, 'onsite'), '0');
  assert.match(await dash.textContent('#of-onsite'), /50/, 'the on-site target');
  assert.match(await dash.textContent('#sessions-body'), /Kewirausahaan Sosial: dari Bantuan Menuju Kemandirian/);
});

test('a check-in made through the API shows in the counts, the roster and the feed within 3 s', async () => {
  const person = demoPeople(demo, 'onsite')[0];
  await coordinator.ok('POST', `/events/${demo.event_id}/checkins`, { code: person.code });
  await waitInPage(dash, 'onsite count 1', () => document.querySelector('#count-onsite').textContent === '1', null, 3000);
  await waitInPage(dash, 'the feed entry', (name) => document.querySelector('#feed li')?.textContent.includes(name), person.name, 3000);
  await waitInPage(dash, 'the live session counts the person', (sid) =>
    document.querySelector(`#sessions-body tr[data-sid="${sid}"] td:nth-child(3)`)?.textContent === '1', String(demo.speaker.session_id), 3000);
  await dash.click('#tab-roster');
  await dash.fill('#f-search', person.name);
  await waitInPage(dash, 'the roster status', (id) =>
    document.querySelector(`#roster-body [data-pid="${id}"] .status`)?.textContent.includes('Hadir di lokasi'), String(person.id), 3000);
  await dash.fill('#f-search', '');
  await dash.click('#tab-live');
});

test('an online participant joining shows in the online count and the feed', async () => {
  const before = Number(await count(dash, 'online'));
  const person = demoPeople(demo, 'online')[0];
  const page = await open(412, 900);
  await page.goto(`${server.url}/?code=${person.code}`);
  await waitInPage(dash, 'online count up', (n) => Number(document.querySelector('#count-online').textContent) === n + 1, before, 5000);
  await waitInPage(dash, 'the join in the feed', (name) => [...document.querySelectorAll('#feed li')].some((li) => li.textContent.includes(name)),
    person.name, 3000);
  // The participant's own page shows the same counts.
  await waitInPage(page, 'counts on the participant page', () => /1 di lokasi/.test(document.querySelector('#counts').textContent), null, 3000);
  await page.context().close();
});

test('manual check-in from a search', async () => {
  const person = demoPeople(demo, 'onsite')[1];
  await dash.fill('#checkin-search', person.name);
  const row = dash.locator('#checkin-results li', { hasText: person.name }).first();
  await row.waitFor({ timeout: 3000 });
  await row.locator('button').click();
  await waitInPage(dash, 'the check-in result', (name) => document.querySelector('#checkin-result').textContent.includes(name), person.name, 3000);
  await waitInPage(dash, 'onsite count 2', () => document.querySelector('#count-onsite').textContent === '2', null, 3000);
  // By access code, too (an online participant who came to the room: accepted, with a note).
  const visitor = demoPeople(demo, 'online')[5];
  await dash.fill('#checkin-search', visitor.code);
  await dash.locator('#checkin-results button').first().click();
  await waitInPage(dash, 'mode mismatch note', () => /terdaftar daring/.test(document.querySelector('#checkin-result').textContent), null, 3000);
  await screenshot(dash, 'dashboard-live', '#panel-live');
});

test('the roster filters by mode, category, region and presence', async () => {
  await dash.click('#tab-roster');
  const total = demo.participants.length;
  await waitInPage(dash, 'the summary', (n) => document.querySelector('#roster-summary').textContent.includes(`dari ${n}`), total, 3000);
  await dash.selectOption('#f-mode', 'onsite');
  await waitInPage(dash, 'onsite only', () => [...document.querySelectorAll('#roster-body tr')].length === 50, null, 3000);
  await dash.selectOption('#f-category', 'koordinator_pkh');
  await waitInPage(dash, 'PKH coordinators', () => document.querySelectorAll('#roster-body tr').length === 5, null, 3000);
  await screenshot(dash, 'dashboard-roster', '#roster-title >> xpath=..');
  await dash.selectOption('#f-category', '');
  await dash.selectOption('#f-presence', 'present');
  await waitInPage(dash, 'present on site', () => document.querySelectorAll('#roster-body tr').length === 2, null, 3000);
  await dash.selectOption('#f-presence', 'absent');
  await waitInPage(dash, 'absent on site', () => document.querySelectorAll('#roster-body tr').length === 48, null, 3000);
  await dash.selectOption('#f-presence', '');
  await dash.selectOption('#f-mode', '');
  const region = demo.participants[0].region;
  await dash.selectOption('#f-region', region);
  const expected = demo.participants.filter((p) => p.region === region).length;
  await waitInPage(dash, 'one region', (n) => document.querySelectorAll('#roster-body tr').length === n, expected, 3000);
  await dash.selectOption('#f-region', '');
});

test('the roster import shows the error of a bad line, and imports a good file', async () => {
  const bad = 'nama,kategori,wilayah,kehadiran\nAgus Salim,KPM PKH Graduasi,Jakarta Timur — Cakung,luring\nBudi Astronot,Astronot,Jakarta Barat — Tambora,daring\n';
  await dash.setInputFiles('#import-file', { name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await dash.click('#import-form button[type=submit]');
  const item = dash.locator('#import-errors li').first();
  await item.waitFor({ timeout: 3000 });
  const text = await item.textContent();
  assert.match(text, /Baris 3/, text);
  assert.match(text, /Kategori: kategori tidak dikenal/, text);
  assert.equal(await dash.locator('#import-errors li').count(), 1, 'only the bad line');
  assert.match(await dash.textContent('#import-errors'), /Tidak ada yang diimpor/);
  await screenshot(dash, 'dashboard-import-error', '#import-title >> xpath=..');

  const good = 'nama,kategori,wilayah,kehadiran,no_hp\nAgus Salim,KPM PKH Graduasi,Jakarta Timur — Cakung,luring,081234567890\n';
  await dash.setInputFiles('#import-file', { name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await dash.click('#import-form button[type=submit]');
  await waitInPage(dash, 'the import result', () => /1 peserta diimpor/.test(document.querySelector('#import-result').textContent), null, 3000);
  assert.equal(await dash.locator('#import-errors li').count(), 0);
  await dash.fill('#f-search', 'Agus Salim');
  await waitInPage(dash, 'the new participant in the roster', () => document.querySelector('#roster-body')?.textContent.includes('Agus Salim'), null, 6000);
  await dash.fill('#f-search', '');
});

test('adding a participant gives the access code and the invitation link', async () => {
  await dash.fill('#add-name', 'Siti Rahmawati');
  await dash.fill('#add-region', 'Jakarta Utara — Koja');
  await dash.selectOption('#add-mode', 'online');
  await dash.click('#add-form button[type=submit]');
  await waitInPage(dash, 'the access code', () => /\?code=[A-Z0-9]{8}/.test(document.querySelector('#add-result').textContent), null, 3000);
  // A missing region is shown at the field.
  await dash.fill('#add-name', 'Tanpa Wilayah');
  await dash.click('#add-form button[type=submit]');
  await dash.locator('#add-region[aria-invalid=true]').waitFor({ timeout: 3000 });
});

test('setting up: a speaker account and a session for it on the agenda', async () => {
  await dash.click('#tab-setup');
  await dash.fill('#sp-username', 'dewi.lestari');
  await dash.fill('#sp-name', 'Dewi Lestari — Pendamping UMKM Digital');
  await dash.click('#sp-generate');
  const password = await dash.inputValue('#sp-password');
  assert.ok(password.length >= 8);
  await dash.click('#speaker-form button[type=submit]');
  await waitInPage(dash, 'the account created', () => document.querySelector('#speaker-result').textContent.includes('dewi.lestari'), null, 5000);

  await dash.fill('#s-title', 'Praktik Pembukuan Usaha Mikro');
  const event = await coordinator.ok('GET', `/events/${demo.event_id}`);
  const start = Date.parse(event.starts_at) + 7 * 3600 * 1000;
  await dash.fill('#s-start', wallClock(new Date(start), event.timezone));
  await dash.fill('#s-end', wallClock(new Date(start + 45 * 60 * 1000), event.timezone));
  await dash.selectOption('#s-speaker', { label: 'Dewi Lestari — Pendamping UMKM Digital (dewi.lestari)' });
  await dash.click('#session-save');
  await waitInPage(dash, 'the session on the agenda', () => document.querySelector('#agenda-body').textContent.includes('Praktik Pembukuan Usaha Mikro'), null, 3000);
  const sessions = (await coordinator.ok('GET', `/events/${demo.event_id}/sessions`)).sessions;
  const created = sessions.find((s) => s.title === 'Praktik Pembukuan Usaha Mikro');
  assert.ok(created && created.speaker_name === 'Dewi Lestari — Pendamping UMKM Digital');
  // The new speaker can sign in to /present.
  await login(server.url, 'dewi.lestari', password);

  // The event's targets can be changed.
  await dash.fill('#ev-exp-online', '175');
  await dash.click('#event-save');
  await waitInPage(dash, 'saved', () => /Tersimpan/.test(document.querySelector('#event-form-result').textContent), null, 3000);
  const ev = await coordinator.ok('GET', `/events/${demo.event_id}`);
  assert.equal(ev.targets.expected_online, 175);
  await screenshot(dash, 'dashboard-setup', '#panel-setup');
  await dash.click('#tab-live');
});

test('the attendance export downloads a CSV', async () => {
  const [download] = await Promise.all([dash.waitForEvent('download'), dash.click('#export-csv')]);
  const stream = await download.createReadStream();
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  const first = demoPeople(demo, 'onsite')[0];
  assert.ok(text.includes(first.name), 'the CSV lists the participants');
});

test('the XLSX export downloads when the server has it (issue 6)', async (t) => {
  if (!(await hasRoute(server.url, 'GET', `/events/${demo.event_id}/attendance.xlsx`, coordinator.token))) {
    t.skip('the server has no GET /api/v1/events/{id}/attendance.xlsx yet (issue 6)');
    return;
  }
  const [download] = await Promise.all([dash.waitForEvent('download'), dash.click('#export-xlsx')]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
});
