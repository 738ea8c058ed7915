// The resident's journey through the feedback form (issue 5), by keyboard only,
// against `lantern serve` with a fresh database: from a record page to the form,
// an empty submission (error summary), an objection typed in, check your
// answers, send, and the confirmation with its reference; axe on every step.
// Finally `lantern feedback export` must list the reference. Reports through
// the suite's check() so the closing "N passed, N failed" line counts it.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');
const { formDefects } = require('./resident_defects');

const RECORD = 'rent-arrears-early-help';
const REFERENCE = /^[A-HJ-NPR-Y2-9]{8}$/;  // the reference alphabet: no I, O, Q, Z, 0 or 1

// Starts `lantern serve` on a free port; resolves with { origin, stop }.
function startServer(lantern, site, db) {
  return new Promise((resolve, reject) => {
    const child = spawn(lantern, ['serve', site, '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    // Resolves once the server has exited, however often stop() is called.
    const exited = new Promise((done) => child.once('exit', done));
    const timer = setTimeout(() => reject(new Error(`lantern serve printed no address:\n${output}`)), 20000);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({
          origin: `http://127.0.0.1:${m[1]}`,
          stop: () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`lantern serve exited (${code}):\n${output}`)));
  });
}

// Presses Tab until `isTarget` (run in the page) is true; false after `max` presses.
async function tabUntil(page, isTarget, arg, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(isTarget, arg)) return true;
  }
  return false;
}
const focusedId = (id) => document.activeElement && document.activeElement.id === id;

async function axeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s): ${v.help}`);
}

async function feedbackJourney({ lantern, repo, workDir, shotDir, check, launchOptions }) {
  // Playwright keeps artifacts in TMPDIR, which the suite points into the build
  // folder and may have removed by now.
  fs.mkdirSync(os.tmpdir(), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(workDir, 'journey-'));
  const db = path.join(tmp, 'feedback.db');
  const server = await startServer(lantern, path.join(repo, 'content'), db);
  const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), launchOptions);
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    const step = async (name) => {
      const violations = await axeViolations(page);
      check(`feedback journey, ${name}: zero axe violations`, violations.length === 0, violations.join('\n'));
      await page.screenshot({ path: path.join(shotDir, `feedback-${name.replace(/\W+/g, '-')}-320.png`), fullPage: true });
    };

    await page.goto(`${server.origin}/records/${RECORD}/`, { waitUntil: 'load' });
    await step('record page');
    const reached = await tabUntil(page, (id) => {
      const a = document.activeElement;
      return !!a && a.tagName === 'A' && (a.getAttribute('href') || '').endsWith(`/feedback/${id}`);
    }, RECORD);
    check('feedback journey: Tab reaches the record\'s feedback link', reached);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    check('feedback journey: Enter opens the form', new URL(page.url()).pathname === `/feedback/${RECORD}`, page.url());
    const loadedAt = Date.now();
    await step('form');
    await formDefects({ page, check });

    // Continue with nothing filled in: the error summary and inline errors.
    check('feedback journey: Tab reaches Continue', await tabUntil(page, () =>
      document.activeElement && document.activeElement.tagName === 'BUTTON'));
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    const summary = await page.locator('.error-summary').textContent().catch(() => '');
    check('feedback journey: an empty form shows "There is a problem" and says what to do',
          /There is a problem/.test(summary) && /Select what you want to do/.test(summary), summary);
    check('feedback journey: the page title starts "Error: "', /^Error: /.test(await page.title()), await page.title());
    await step('form with errors');

    // Choose "object", by arrow keys as a keyboard user does in a radio group.
    check('feedback journey: Tab reaches the first radio', await tabUntil(page, focusedId, 'type-question'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    check('feedback journey: arrow keys select "object"', await page.locator('#type-objection').isChecked());
    check('feedback journey: Tab reaches the message', await tabUntil(page, focusedId, 'message'));
    await page.keyboard.type('Please stop using my rent account in this tool. I am in hospital and my family pays.');
    check('feedback journey: Tab reaches the email field', await tabUntil(page, focusedId, 'email'));
    await page.keyboard.type('resident@example.org');
    // A person takes longer than the form's minimum fill time (3 s).
    await page.waitForTimeout(Math.max(0, 3500 - (Date.now() - loadedAt)));
    check('feedback journey: Tab reaches Continue again', await tabUntil(page, () =>
      document.activeElement && document.activeElement.tagName === 'BUTTON' && /Continue/.test(document.activeElement.textContent)));
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    const answers = await page.locator('main').textContent();
    check('feedback journey: check your answers shows the objection and the message',
          /hospital/.test(answers) && /[Oo]bject/.test(answers), answers.slice(0, 400));
    await step('check answers');

    check('feedback journey: Tab reaches Send', await tabUntil(page, () =>
      document.activeElement && document.activeElement.tagName === 'BUTTON' && /Send/.test(document.activeElement.textContent)));
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    const shown = ((await page.locator('.panel .reference').textContent().catch(() => '')) || '').trim();
    const reference = REFERENCE.test(shown) && shown.length === 8 ? shown : null;
    check('feedback journey: the confirmation gives a reference number', !!reference, shown);
    await step('confirmation');

    await server.stop();
    const exported = JSON.parse(execFileSync(lantern, ['feedback', 'export', '--db', db, '--format', 'json'], { encoding: 'utf8' }));
    const rows = Array.isArray(exported) ? exported : (exported.submissions || []);
    const row = rows.find((r) => r.reference === reference);
    check('feedback journey: lantern feedback export lists the objection under its reference',
          !!row && row.request_type === 'objection' && row.record_id === RECORD, JSON.stringify(rows).slice(0, 400));
  } finally {
    await context.close();
    await server.stop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}


// On a bilingual site (a fresh `lantern init --languages cy,en`), the check
// page's language switch, pressed by keyboard, shows the same answers for
// checking in English: the switch is a button sending the page's form, not a
// link to a blank form. axe on both check pages.
async function bilingualCheckSwitch({ lantern, workDir, check, launchOptions }) {
  fs.mkdirSync(os.tmpdir(), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(workDir, 'journey-cy-'));
  const site = path.join(tmp, 'site');
  execFileSync(lantern, ['init', site, '--languages', 'cy,en'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const record = fs.readdirSync(path.join(site, 'records')).find((n) => !n.includes('.cy.')).replace(/\.yaml$/, '');
  const server = await startServer(lantern, site, path.join(tmp, 'feedback.db'));
  const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), launchOptions);
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.origin}/feedback/${record}`, { waitUntil: 'load' });
    const message = 'Hoffwn gael gwybod pryd y caiff y penderfyniad ei adolygu gan berson.';
    await page.locator('#type-question').check();
    await page.locator('#message').fill(message);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('form button.button').click()]);
    const welsh = await page.evaluate(() => document.documentElement.getAttribute('lang'));
    check('bilingual check page (cy): shown in Welsh with the message', welsh === 'cy' &&
          (await page.locator('main').textContent()).includes(message), `lang=${welsh}`);
    let violations = await axeViolations(page);
    check('bilingual check page (cy): zero axe violations', violations.length === 0, violations.join('\n'));
    const onSwitch = await tabUntil(page, () => !!document.activeElement &&
      document.activeElement.classList.contains('language-switch__button'), undefined, 12);
    check('bilingual check page (cy): Tab reaches the language switch (a button)', onSwitch);
    if (onSwitch) {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      const lang = await page.evaluate(() => document.documentElement.getAttribute('lang'));
      const main = await page.locator('main').textContent();
      check('bilingual check page: Enter on the switch shows the same answers in English',
            lang === 'en' && main.includes(message) && /Check your answers/.test(main), `lang=${lang} ${main.slice(0, 200)}`);
      violations = await axeViolations(page);
      check('bilingual check page (en): zero axe violations', violations.length === 0, violations.join('\n'));
      const o = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, c: document.documentElement.clientWidth }));
      check('bilingual check page (en) @320: no horizontal scroll', o.w <= o.c, `${o.w} > ${o.c}`);
    }
  } finally {
    await context.close();
    await server.stop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { bilingualCheckSwitch, feedbackJourney };
