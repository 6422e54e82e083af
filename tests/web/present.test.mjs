// The speakers' page (/present): signing in, moderating the Q&A (approve, pin, answer, hide)
// with both participants' pages following live, starting and ending sessions, the projector
// view, and the session's materials: uploading (refused types and sizes explained), a
// participant's page following live with a working download link, withdrawing, deleting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, removeDir, launchBrowser, newPage, screenshot, join, login, waitInPage, demoPeople, tinyPdf, clickDownload,
} from './lib/harness.mjs';

let server;
let browser;
let demo;
let speakerPage;
const pages = [];

before(async () => {
  // A small upload limit, so that a too-large file is quick to show.
  server = await startServer({ args: ['--max-upload-mb', '1'] });
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

async function participantPage(person) {
  const page = await open(412, 900);
  await page.goto(`${server.url}/?code=${person.code}`);
  await page.locator('#qa-box').waitFor({ timeout: 5000 });
  return page;
}

// The status a question shows on a participant's page (null when it is not there).
async function statusOn(page, id) {
  return page.evaluate((qid) => document.querySelector(`#questions [data-qid="${qid}"]`)?.dataset.status ?? null, id);
}

async function waitStatus(page, id, status, what) {
  await waitInPage(page, what, ([qid, s]) => (document.querySelector(`#questions [data-qid="${qid}"]`)?.dataset.status ?? null) === s,
    [String(id), status], 3000);
}

test('the speaker signs in and gets their live session', async () => {
  speakerPage = await open();
  await speakerPage.goto(`${server.url}/present`);
  await speakerPage.locator('input[type=password]').waitFor();
  await speakerPage.fill('#username', demo.speaker.username);
  await speakerPage.fill('#password', demo.speaker.password);
  await speakerPage.click('#login-form button[type=submit]');
  await waitInPage(speakerPage, 'the session title', () => document.querySelector('#session-title')?.textContent.length > 0, null, 5000);
  assert.equal(await speakerPage.inputValue('#session-select'), String(demo.speaker.session_id));
  assert.match(await speakerPage.textContent('#session-info'), /Sedang berlangsung/);
  assert.equal(await speakerPage.isDisabled('#start'), true, 'a live session cannot start again');
  assert.equal(await speakerPage.isDisabled('#end'), false);
});

test('approve, pin and answer: the queue and both participants\u2019 pages follow', async () => {
  const [alice, bob] = demoPeople(demo, 'online');
  const a = await participantPage(alice);
  const b = await participantPage(bob);

  // Moderation on: new questions wait for approval.
  await speakerPage.check('#moderated');
  await waitInPage(a, 'the moderation note', () => !document.querySelector('#ask-moderated').hidden, null, 3000);

  await a.fill('#ask-text', 'Bagaimana memasarkan keripik singkong lewat media sosial?');
  await a.click('#ask-form button[type=submit]');
  const own = a.locator('#questions li', { hasText: 'keripik singkong' });
  await own.waitFor({ timeout: 3000 });
  const id = await own.getAttribute('data-qid');
  assert.equal(await statusOn(a, id), 'pending', 'the asker sees it waiting');
  assert.match(await own.textContent(), /Menunggu persetujuan/);

  // The speaker's queue shows it pending, with the asker's name.
  const queued = speakerPage.locator(`#pending [data-qid="${id}"]`);
  await queued.waitFor({ timeout: 3000 });
  assert.match(await queued.textContent(), new RegExp(alice.name));
  assert.equal(await statusOn(b, id), null, 'others do not see a pending question');

  // Approve: Bob sees it.
  await queued.locator('button[data-action=approved]').click();
  await waitStatus(b, id, 'approved', 'bob sees the approved question');
  await waitStatus(a, id, 'approved', 'alice sees it approved');

  // Another question to show that pinning moves one to the top.
  const carol = await join(server.url, demoPeople(demo, 'online')[2].code);
  const other = await carol.ok('POST', `/sessions/${demo.speaker.session_id}/questions`, { text: 'Apakah bisa mendaftar NIB secara daring?' });
  await speakerPage.locator(`#pending [data-qid="${other.id}"] button[data-action=approved]`).click();
  await waitStatus(b, other.id, 'approved', 'the second question approved');
  await carol.ok('POST', `/questions/${other.id}/vote`);

  // Pin: both pages show it pinned, first in the list.
  await speakerPage.locator(`#open [data-qid="${id}"] button[data-action=pinned]`).click();
  for (const [page, name] of [[a, 'alice'], [b, 'bob']]) {
    await waitStatus(page, id, 'pinned', `${name} sees it pinned`);
    await waitInPage(page, `${name}: the pinned question first`, (qid) =>
      document.querySelector('#questions li')?.dataset.qid === qid, id, 3000);
    assert.match(await page.locator(`#questions [data-qid="${id}"]`).textContent(), /Disematkan/);
  }

  // The projector shows the pinned question in large type and the counts.
  await speakerPage.click('#projector-open');
  await speakerPage.locator('#projector').waitFor();
  assert.equal(await speakerPage.textContent('#proj-question'), 'Bagaimana memasarkan keripik singkong lewat media sosial?');
  const fontSize = await speakerPage.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#proj-question')).fontSize));
  assert.ok(fontSize >= 28, `the pinned question is in large type (${fontSize}px)`);
  await waitInPage(speakerPage, 'online count on the projector', () => Number(document.querySelector('#proj-online').textContent) >= 2, null, 3000);
  await screenshot(speakerPage, 'present-projector');
  await speakerPage.keyboard.press('Escape');
  await waitInPage(speakerPage, 'the projector closed', () => document.querySelector('#projector').hidden, null, 3000);

  // Answer: both pages show it answered.
  await speakerPage.locator(`#open [data-qid="${id}"] button[data-action=answered]`).click();
  await waitStatus(a, id, 'answered', 'alice sees it answered');
  await waitStatus(b, id, 'answered', 'bob sees it answered');
  assert.match(await b.locator(`#questions [data-qid="${id}"]`).textContent(), /Terjawab/);

  // Hide: it leaves the participants' pages.
  await speakerPage.locator(`#open [data-qid="${other.id}"] button[data-action=hidden]`).click();
  await waitStatus(b, other.id, null, 'the hidden question leaves bob’s page');
  await speakerPage.locator(`#hidden [data-qid="${other.id}"]`).waitFor({ state: 'attached' });
  await screenshot(speakerPage, 'present-queue');
  await screenshot(b, 'participant-after-moderation');
  await speakerPage.uncheck('#moderated');
});

test('a question from the room entered by the speaker appears for participants', async () => {
  const page = await participantPage(demoPeople(demo, 'online')[3]);
  await speakerPage.fill('#room-text', 'Bagaimana cara menghitung harga pokok produksi?');
  await speakerPage.fill('#room-name', 'Ibu Aminah');
  await speakerPage.click('#room-form button[type=submit]');
  const item = page.locator('#questions li', { hasText: 'harga pokok produksi' });
  await item.waitFor({ timeout: 3000 });
  assert.match(await item.textContent(), /Ibu Aminah/);
});

// Chooses a file in the upload form and submits it; resolves once the page has an answer.
async function upload(page, file, { publish = true } = {}) {
  await page.setInputFiles('#upload-file', file);
  if (publish) await page.check('#upload-publish');
  else await page.uncheck('#upload-publish');
  await page.click('#upload-submit');
  await waitInPage(page, `the answer to uploading ${file.name}`, () => !document.querySelector('#upload-submit').disabled
    && (document.querySelector('#upload-error').textContent || document.querySelector('#upload-status').textContent), null, 10000);
  return { error: await page.textContent('#upload-error'), status: await page.textContent('#upload-status') };
}

test('uploads the server refuses are explained, and nothing is stored', async () => {
  await speakerPage.locator('#materials-box').waitFor();
  const wrongType = await upload(speakerPage, { name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('halo') });
  assert.match(wrongType.error, /catatan\.txt.*tidak diterima.*PDF/, wrongType.error);
  const fake = await upload(speakerPage, { name: 'palsu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('bukan PDF sama sekali') });
  assert.match(fake.error, /palsu\.pdf.*tidak sesuai dengan jenisnya/, fake.error);
  // This server takes at most 1 MiB (--max-upload-mb 1): a 1.5 MiB file gets 413.
  const big = Buffer.concat([tinyPdf('besar'), Buffer.alloc(1536 * 1024, 0x20)]);
  const tooLarge = await upload(speakerPage, { name: 'Materi Besar.pdf', mimeType: 'application/pdf', buffer: big });
  assert.match(tooLarge.error, /Materi Besar\.pdf.*1,5 MB.*melebihi batas unggahan/, tooLarge.error);
  await screenshot(speakerPage, 'present-upload-too-large', '#materials-box');
  const speaker = await login(server.url, demo.speaker.username, demo.speaker.password);
  const listed = await speaker.ok('GET', `/sessions/${demo.speaker.session_id}/materials`);
  assert.deepEqual(listed.materials, [], 'nothing was stored');
});

test('a speaker uploads a PDF; a participant\u2019s page shows it live with a working download link', async () => {
  const page = await participantPage(demoPeople(demo, 'online')[5]);
  await page.locator('#materials-box').waitFor();
  assert.match(await page.textContent('#materials-box'), /Belum ada materi/);

  const pdf = tinyPdf('modul pemasaran');
  const name = 'Modul Pemasaran — Bu Siti.pdf';
  const done = await upload(speakerPage, { name, mimeType: 'application/pdf', buffer: pdf });
  assert.equal(done.error, '');
  assert.match(done.status, /terunggah/);
  const staffItem = speakerPage.locator('#materials li[data-mid]', { hasText: name });
  await staffItem.waitFor({ timeout: 3000 });
  assert.match(await staffItem.textContent(), /Terbit/);
  const id = await staffItem.getAttribute('data-mid');

  // The participant's page follows without a reload, under the session's title.
  const item = page.locator(`#materials [data-mid="${id}"]`);
  await item.waitFor({ timeout: 3000 });
  assert.match(await item.textContent(), /PDF/);
  assert.match(await page.locator(`#materials [data-sid="${demo.speaker.session_id}"] h3`).textContent(), /Kewirausahaan Sosial/);
  await screenshot(page, 'participant-material-live');

  // Tapping "Unduh" downloads the file, under its own name.
  const got = await clickDownload(page, `#materials [data-mid="${id}"] a.download`);
  assert.equal(got.name, name);
  assert.ok(got.bytes.equals(pdf), 'the downloaded bytes are the uploaded ones');

  // The link is signed: it works without the token (a phone's download manager), with Range.
  const href = await item.locator('a.download').getAttribute('href');
  assert.match(href, /^\/api\/v1\/materials\/\d+\/download\?.*sig=/);
  const plain = await fetch(`${server.url}${href}`);
  assert.equal(plain.status, 200);
  assert.match(plain.headers.get('content-disposition'), /^attachment/);
  assert.ok(Buffer.from(await plain.arrayBuffer()).equals(pdf));
  const part = await fetch(`${server.url}${href}`, { headers: { Range: 'bytes=0-3' } });
  assert.equal(part.status, 206);
  assert.equal(await part.text(), '%PDF');
  // "Lihat" opens PDFs in the browser.
  const view = await fetch(`${server.url}${await item.locator('a.view').getAttribute('href')}`);
  assert.match(view.headers.get('content-disposition'), /^inline/);

  // Withdrawn: it leaves the participant's page and its public link stops working.
  await staffItem.locator('button[data-action=unpublish]').click();
  await waitInPage(page, 'the withdrawn material gone', (mid) => !document.querySelector(`#materials [data-mid="${mid}"]`), id, 3000);
  await speakerPage.locator(`#materials [data-mid="${id}"][data-published=false]`).waitFor({ timeout: 3000 });
  assert.match(await speakerPage.textContent(`#materials [data-mid="${id}"]`), /Draf/);
  assert.equal((await fetch(`${server.url}${href}`)).status, 404, 'a public link to a withdrawn material');
  // Published again: back.
  await speakerPage.locator(`#materials [data-mid="${id}"] button[data-action=publish]`).click();
  await item.waitFor({ timeout: 3000 });

  // A draft stays with the speaker until published.
  const draft = await upload(speakerPage, { name: 'Lembar Kerja.pdf', mimeType: 'application/pdf', buffer: tinyPdf('lembar kerja') },
    { publish: false });
  assert.match(draft.status, /draf/);
  const draftItem = speakerPage.locator('#materials li[data-mid]', { hasText: 'Lembar Kerja.pdf' });
  await draftItem.waitFor({ timeout: 3000 });
  const draftId = await draftItem.getAttribute('data-mid');
  await page.waitForTimeout(500);
  assert.equal(await page.locator(`#materials [data-mid="${draftId}"]`).count(), 0, 'participants do not see drafts');
  await screenshot(speakerPage, 'present-materials', '#materials-box');
  await draftItem.locator('button[data-action=publish]').click();
  await page.locator(`#materials [data-mid="${draftId}"]`).waitFor({ timeout: 3000 });
  await screenshot(page, 'participant-materials', '#materials-box');

  // Deleted (the confirmation is accepted by the harness): gone from both pages.
  await draftItem.locator('button[data-action=delete]').click();
  await waitInPage(page, 'the deleted material gone', (mid) => !document.querySelector(`#materials [data-mid="${mid}"]`), draftId, 3000);
  await waitInPage(speakerPage, 'the deleted material gone from the speaker', (mid) =>
    !document.querySelector(`#materials [data-mid="${mid}"]`), draftId, 3000);
  assert.ok(speakerPage.dialogs.some((d) => d.includes('Lembar Kerja.pdf')), 'the deletion was confirmed');
  assert.deepEqual(page.errors, []);
});

test('ending the live session and starting the next one', async () => {
  const page = await participantPage(demoPeople(demo, 'online')[4]);
  await speakerPage.click('#end');  // the confirm dialog is accepted by the harness
  await waitInPage(speakerPage, 'the session ended', () => /Selesai/.test(document.querySelector('#session-info').textContent), null, 3000);
  await waitInPage(page, 'the participant page follows', () => !document.querySelector('#now .badge.live'), null, 3000);

  // The speaker's next session (the last of the agenda) can start.
  const last = demo.sessions[demo.sessions.length - 1];
  await speakerPage.selectOption('#session-select', String(last));
  await waitInPage(speakerPage, 'the start button enabled', () => !document.querySelector('#start').disabled, null, 3000);
  await speakerPage.click('#start');
  await waitInPage(speakerPage, 'the session live', () => /Sedang berlangsung/.test(document.querySelector('#session-info').textContent), null, 3000);
  await waitInPage(page, 'the participant sees the new live session', () =>
    document.querySelector('#now .badge.live') && /Rencana Aksi Usaha/.test(document.querySelector('#now').textContent), null, 3000);
  await screenshot(page, 'participant-next-session');
});
