// Lantern's browser and HTML-validation suite (issue 4).
//
// Builds the example site with build/lantern, serves it on 127.0.0.1 with a
// tiny static server, and drives Debian's chromium through playwright-core:
//   - every page type at 320 and 1280 px: zero axe violations (WCAG 2.0, 2.1,
//     2.2 A and AA tags), no horizontal scroll at 320 px, a full-page screenshot
//     in build/browser/screenshots/ (kept by CI as artifacts);
//   - keyboard: the first Tab reaches the skip link, Tab reaches every control
//     and each shows a visible focus indicator; search works by keyboard;
//   - JavaScript off: the list still links to the filter pages, which work;
//   - no cookies, and every request goes to 127.0.0.1;
//   - vnu.jar validates every HTML file the build wrote, in one java call;
//   - ajv-cli at its default (strict) settings validates every record of the
//     example and golden sites against their schema/record.json
//     (validate_records.js);
//   - a bilingual site from `lantern init --languages cy,en`, every page type
//     in Welsh and English with the same checks, the language switch by
//     keyboard, and no English string of the theme on a Welsh page outside
//     lang="en" (bilingual.js);
//   - the notice kit's card pasted into a plain service page: axe, no
//     horizontal scroll, its own style, its link by Tab (notice_card.js);
//   - the resident's feedback journey by keyboard against `lantern serve`,
//     with axe on each step (feedback_journey.js).
// Prints one line per check and closes with "N passed, N failed"; exits 1 when
// anything failed, 2 when the suite could not run at all.
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');
const { bilingualCheckSwitch, feedbackJourney } = require('./feedback_journey');
const { residentDefects } = require('./resident_defects');
const { noticeCard } = require('./notice_card');
const { bilingualSite } = require('./bilingual');
const { validateRecords } = require('./validate_records');

const repo = path.resolve(__dirname, '..', '..');
const buildDir = path.resolve(process.env.LANTERN_BUILD_DIR || path.join(repo, 'build'));
const lantern = process.env.LANTERN_BINARY || path.join(buildDir, 'lantern');
const workDir = path.join(buildDir, 'browser');
const siteDir = path.join(workDir, 'site');
const shotDir = path.join(workDir, 'screenshots');
const WIDTHS = [320, 1280];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok    ${name}`);
  } else {
    failed++;
    console.log(`FAIL  ${name}${detail ? `\n      ${String(detail).split('\n').join('\n      ')}` : ''}`);
  }
}

// ---- build the example site ------------------------------------------------
function buildSite() {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(shotDir, { recursive: true });
  execFileSync(lantern, ['build', path.join(repo, 'content'), '-o', siteDir], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// ---- a static server like the one a council would use ----------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
                '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain',
                '.ico': 'image/x-icon' };
function serve(root) {
  const server = http.createServer((req, res) => {
    let urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(root, path.normalize(urlPath));
    if (!file.startsWith(root)) file = path.join(root, '404.html');
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!fs.existsSync(file)) { status = 404; file = path.join(root, '404.html'); }
    res.writeHead(status, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      // The policy a council should send: it forbids inline script and style.
      'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---- which page is which ------------------------------------------------------
function recordIds() {
  const dir = path.join(repo, 'content', 'records');
  const ids = { v4: null, v3: null, retired: null };
  for (const name of fs.readdirSync(dir).sort()) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const id = name.replace(/\.yaml$/, '');
    const version = (text.match(/^atrs_version:\s*"?([0-9.]+)"?/m) || [])[1];
    const status = (text.match(/^status:\s*(\S+)/m) || [])[1];
    if (status === 'retired') { ids.retired = ids.retired || id; continue; }
    if (status !== 'published') continue;
    if (version === '4.0') ids.v4 = ids.v4 || id;
    if (version === '3.0') ids.v3 = ids.v3 || id;
  }
  return ids;
}

function filterLinks(listHtml) {
  const links = {};
  for (const kind of ['service', 'function', 'phase']) {
    const m = listHtml.match(new RegExp(`href="(/records/${kind}/[^"]+/)"`));
    links[kind] = m ? m[1] : null;
  }
  return links;
}

// ---- in-page helpers ------------------------------------------------------------
async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const wide = [];
    if (doc.scrollWidth > doc.clientWidth) {
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.right > doc.clientWidth + 1 && getComputedStyle(el).position !== 'absolute') {
          wide.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
          if (wide.length > 5) break;
        }
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide };
  });
}

async function runAxe(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

// Tabs through the whole page. Returns the focus order and, for each stop,
// whether its focused style differs visibly from its unfocused style.
async function tabThrough(page) {
  // Start from the top of the document: a blur alone leaves Chromium's
  // focus starting point where the last focus was (after a keyboard
  // navigation, past the skip link).
  await page.evaluate(() => {
    document.activeElement && document.activeElement.blur();
    const body = document.body;
    body.setAttribute('tabindex', '-1');
    body.focus();
    body.removeAttribute('tabindex');
    window.scrollTo(0, 0);
  });
  const expected = await page.evaluate(() => {
    const all = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
    const list = [];
    all.forEach((el, i) => {
      const style = getComputedStyle(el);
      // Inside a closed <details> (the phone's "Menu"), only the summary can be reached.
      const folded = el.tagName !== 'SUMMARY' && el.closest('details:not([open])');
      const hidden = el.closest('[hidden]') || folded || style.visibility === 'hidden' || style.display === 'none' ||
                     el.tabIndex < 0 || el.disabled || (el.offsetParent === null && style.position !== 'fixed');
      el.dataset.lanternIndex = String(i);
      if (!hidden) list.push(String(i));
    });
    return list;
  });
  const reached = [];
  const styles = {};
  let first = null;
  for (let n = 0; n < expected.length + 10; n++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      return { index: el.dataset.lanternIndex, className: el.className, label: `${el.tagName.toLowerCase()} "${(el.textContent || el.value || '').trim().slice(0, 40)}"`,
               style: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine, s.textDecorationThickness].join('|') };
    });
    if (!info || (reached.length > 0 && info.index === reached[0])) break;
    if (reached.length === 0) first = info.label + ' class=' + info.className;
    reached.push(info.index);
    styles[info.index] = info;
  }
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const invisible = [];
  for (const index of reached) {
    const unfocused = await page.evaluate((i) => {
      const el = document.querySelector(`[data-lantern-index="${i}"]`);
      const s = getComputedStyle(el);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine, s.textDecorationThickness].join('|');
    }, index);
    const focused = styles[index].style;
    const outline = focused.split('|');
    const hasOutline = outline[0] !== 'none' && parseFloat(outline[1]) >= 2;
    if (unfocused === focused || !(hasOutline || focused.split('|')[3] !== 'none' || focused.split('|')[4] !== unfocused.split('|')[4])) {
      invisible.push(styles[index].label);
    }
  }
  const missingIndexes = expected.filter((i) => !reached.includes(i));
  const missing = [];
  for (const i of missingIndexes) {
    missing.push(await page.evaluate((n) => {
      const el = document.querySelector(`[data-lantern-index="${n}"]`);
      return `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || '').trim().slice(0, 40)}"`;
    }, i));
  }
  return { first, expected, reached, missing, invisible };
}

// ---- the suite ----------------------------------------------------------------------
async function main() {
  buildSite();
  const server = await serve(siteDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const ids = recordIds();
  const siteLanguage = (fs.readFileSync(path.join(repo, 'content', 'site.yaml'), 'utf8').match(/^language:\s*(\S+)/m) || [])[1] || 'en';
  const listHtml = fs.readFileSync(path.join(siteDir, 'records', 'index.html'), 'utf8');
  const filters = filterLinks(listHtml);
  for (const kind of Object.keys(filters)) check(`the records list links to a ${kind} filter page`, filters[kind] !== null);
  check('the example site has a 4.0, a 3.0 and a retired record', ids.v4 && ids.v3 && ids.retired, JSON.stringify(ids));

  const pages = [
    ['home', '/'],
    ['records-list', '/records/'],
    ...Object.entries(filters).filter(([, url]) => url).map(([kind, url]) => [`filter-${kind}`, url]),
    ['record-4.0', `/records/${ids.v4}/`],
    ['record-3.0', `/records/${ids.v3}/`],
    ['record-retired', `/records/${ids.retired}/`],
    ['notice-kit', `/records/${ids.v4}/notice/`],
    ['dashboard', '/dashboard/'],
    ['policy-page', '/pages/ai-policy/'],
    ['accessibility-statement', '/pages/accessibility/'],
    ['not-found', '/no-such-page/'],
  ];

  // Browser profiles and Playwright's scratch files live in the build tree, so a
  // crashed run leaves nothing in /tmp and the next run's clean-up removes them.
  const tmp = path.join(workDir, 'profiles');
  fs.mkdirSync(tmp, { recursive: true });
  process.env.TMPDIR = tmp;
  const launch = (dir, extra) => chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...extra,
  });
  const context = await launch(path.join(tmp, 'js'), {});
  const foreign = [];
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol !== 'data:' && url.protocol !== 'about:' && url.hostname !== '127.0.0.1') foreign.push(req.url());
  });
  const page = await context.newPage();
  const consoleErrors = [];
  const badResponses = [];
  page.on('response', (res) => {
    const p = new URL(res.url()).pathname;
    // The 404 page is meant to be a 404. Browsers ask for /favicon.ico on their
    // own: it is published, so a 404 there is a broken request like any other.
    if (res.status() >= 400 && p !== '/no-such-page/') badResponses.push(`${res.status()} ${res.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));

  for (const [name, url] of pages) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
      const response = await page.goto(origin + url, { waitUntil: 'load' });
      check(`${name} @${width}: served (${response.status()})`, response.status() === (name === 'not-found' ? 404 : 200));
      const violations = await runAxe(page);
      check(`${name} @${width}: zero axe violations`, violations.length === 0, violations.join('\n'));
      if (width === WIDTHS[0]) {
        const lang = await page.evaluate(() => document.documentElement.getAttribute('lang'));
        check(`${name}: <html lang> is the site's language (${lang})`, lang === siteLanguage, `lang="${lang}", site.yaml says "${siteLanguage}"`);
      }
      const count = await page.locator('h1').count();
      check(`${name} @${width}: exactly one h1`, count === 1, `${count} h1 elements`);
      if (width === 320) {
        const o = await horizontalOverflow(page);
        check(`${name} @320: no horizontal scroll`, o.scrollWidth <= o.clientWidth, `scrollWidth ${o.scrollWidth} > ${o.clientWidth}: ${o.wide.join(', ')}`);
      }
      await page.screenshot({ path: path.join(shotDir, `${name}-${width}.png`), fullPage: true });
    }
    if (name.startsWith('filter-')) {
      const lead = await page.locator('main .lead').first().textContent();
      const rows = await page.locator('.table--records tbody tr').count();
      check(`${name}: the count it shows (${(lead || '').trim()}) is the number of rows`, new RegExp(`\\b${rows}$`).test((lead || '').trim()));
    }
    if (name === 'accessibility-statement') {
      const ids = await page.evaluate(() => Array.from(document.querySelectorAll('main h2[id]')).map((h) => h.id));
      const needed = ['compliance-status', 'reporting-problems', 'enforcement-procedure', 'how-it-was-tested'];
      check('accessibility-statement: has the legally required sections', needed.every((id) => ids.includes(id)), `h2 ids: ${ids.join(', ')}`);
    }
    // Keyboard alone, at both widths (the layouts differ).
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
      await page.goto(origin + url, { waitUntil: 'load' });
      if (name === 'records-list') await page.waitForSelector('#record-search:not([hidden])', { timeout: 5000 }).catch(() => {});
      const t = await tabThrough(page);
      check(`${name} @${width}: the first Tab reaches the skip link`, /skip-link/.test(t.first || ''), `focused first: ${t.first}`);
      check(`${name} @${width}: Tab reaches every control (${t.reached.length} of ${t.expected.length})`, t.missing.length === 0, `not reached: ${t.missing.join(', ')}`);
      check(`${name} @${width}: every control shows a visible focus indicator`, t.invisible.length === 0, t.invisible.slice(0, 5).join('\n'));
    }
  }

  // Search by keyboard: Tab to the box, type, Tab to the first result, Enter.
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
    await page.goto(origin + '/records/', { waitUntil: 'load' });
    await page.waitForSelector('#record-search:not([hidden])', { timeout: 5000 }).catch(() => {});
    let onBox = false;
    for (let n = 0; n < 60 && !onBox; n++) {
      await page.keyboard.press('Tab');
      onBox = await page.evaluate(() => document.activeElement && document.activeElement.id === 'record-search-input');
    }
    check(`search @${width}: the search box is reachable by Tab`, onBox);
    if (!onBox) continue;
    const before = await page.locator('.table--records tbody tr:visible').count();
    await page.keyboard.type('bin');
    await page.waitForTimeout(300);
    const visibleNames = await page.locator('.table--records tbody tr:visible th a').allTextContents();
    check(`search @${width}: typing "bin" narrows the list (${before} → ${visibleNames.length})`,
          visibleNames.length > 0 && visibleNames.length < before && visibleNames.some((n) => /bin check/i.test(n)), visibleNames.join(', '));
    const status = await page.locator('#record-search-status').textContent();
    check(`search @${width}: the result count is announced`, /\d/.test(status || ''), `status: ${status}`);
    const violations = await runAxe(page);
    check(`records-after-search @${width}: zero axe violations`, violations.length === 0, violations.join('\n'));
    if (width === 320) {
      const o = await horizontalOverflow(page);
      check('records-after-search @320: no horizontal scroll', o.scrollWidth <= o.clientWidth, `scrollWidth ${o.scrollWidth}: ${o.wide.join(', ')}`);
    }
    await page.screenshot({ path: path.join(shotDir, `records-after-search-${width}.png`), fullPage: true });
    // Search for a supplier name (from the index, not shown in the table).
    await page.fill('#record-search-input', '');
    await page.keyboard.type('zzzz-nothing-matches');
    await page.waitForTimeout(200);
    const none = await page.locator('.table--records tbody tr:visible').count();
    check(`search @${width}: a query that matches nothing shows no rows`, none === 0, `${none} rows`);
    await page.fill('#record-search-input', '');
    await page.keyboard.type('bin');
    await page.waitForTimeout(200);
    let onResult = false;
    for (let n = 0; n < 10 && !onResult; n++) {
      await page.keyboard.press('Tab');
      onResult = await page.evaluate(() => !!(document.activeElement && document.activeElement.closest('.table--records tbody')));
    }
    check(`search @${width}: Tab moves from the box to the first result`, onResult);
    if (onResult) {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      check(`search @${width}: Enter opens the record`, /\/records\/[^/]+\/$/.test(new URL(page.url()).pathname), page.url());
    }
  }

  await residentDefects({ page, origin, ids, check });
  const cardPages = await noticeCard({ page, origin, siteDir, workDir, ids, runAxe, horizontalOverflow, check });
  const bilingualDir = await bilingualSite({ lantern, repo, workDir, shotDir, serve, runAxe, tabThrough, horizontalOverflow, page, check });

  check('every request the pages made succeeded (no broken links to assets)', badResponses.length === 0, badResponses.slice(0, 5).join('\n'));
  check('no JavaScript errors in the console', consoleErrors.length === 0, consoleErrors.join('\n'));
  const cookies = await context.cookies();
  check('no cookies were set', cookies.length === 0, JSON.stringify(cookies));
  check('every request went to 127.0.0.1', foreign.length === 0, foreign.slice(0, 5).join('\n'));
  await context.close();

  // JavaScript off: the filter pages are the way to narrow the list.
  const noJs = await launch(path.join(tmp, 'nojs'), { javaScriptEnabled: false });
  const p2 = await noJs.newPage();
  await p2.setViewportSize({ width: 320, height: 640 });
  await p2.goto(origin + '/records/', { waitUntil: 'load' });
  const boxVisible = await p2.locator('#record-search').isVisible().catch(() => false);
  check('no JS: the search box is not offered (it could not work)', !boxVisible);
  for (const kind of Object.keys(filters)) {
    if (!filters[kind]) continue;
    await p2.goto(origin + '/records/', { waitUntil: 'load' });
    const link = p2.locator(`a[href="${filters[kind]}"]`).first();
    await Promise.all([p2.waitForNavigation({ waitUntil: 'load' }), link.click()]);
    const rows = await p2.locator('.table--records tbody tr').count();
    const heading = await p2.locator('h1').textContent();
    check(`no JS: the ${kind} filter page lists its records (${rows}) under "${(heading || '').trim()}"`, rows > 0);
    const firstRecord = p2.locator('.table--records tbody tr th a').first();
    await Promise.all([p2.waitForNavigation({ waitUntil: 'load' }), firstRecord.click()]);
    check(`no JS: a record opens from the ${kind} filter page`, /\/records\/[^/]+\/$/.test(new URL(p2.url()).pathname), p2.url());
  }
  await noJs.close();
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });

  // Every HTML page the build wrote, in one java call. A notice kit's
  // card.html is a snippet for a council's page, not a page: it is validated
  // inside the service pages noticeCard wrote (cardPages).
  const vnu = String(require('vnu-jar'));
  const htmlFiles = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p); else if (p.endsWith('.html') && entry.name !== 'card.html') htmlFiles.push(p);
    }
  })(siteDir);
  const bilingualFiles = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p); else if (p.endsWith('.html') && entry.name !== 'card.html') bilingualFiles.push(p);
    }
  })(bilingualDir);
  // Every internal link and asset reference in every page leads to a file the build wrote.
  const broken = [];
  for (const file of htmlFiles) {
    const html = fs.readFileSync(file, 'utf8');
    for (const m of html.matchAll(/(?:href|src|data-index-url)="(\/[^"#?]*)/g)) {
      let target = path.join(siteDir, m[1]);
      if (m[1].endsWith('/')) target = path.join(target, 'index.html');
      if (!fs.existsSync(target)) broken.push(`${path.relative(siteDir, file)} -> ${m[1]}`);
    }
  }
  // The feedback endpoint is served by Lantern's server, not written by the build.
  const unexpected = broken.filter((b) => !/ -> \/feedback\//.test(b));
  check(`every internal link in ${htmlFiles.length} pages leads to a built file`, unexpected.length === 0, unexpected.slice(0, 10).join('\n'));
  const result = spawnSync('java', ['-jar', vnu, '--errors-only', ...htmlFiles, ...bilingualFiles, ...cardPages], { encoding: 'utf8' });
  const errors = (result.stderr || '').split('\n').filter((l) => /: error: /.test(l));
  check(`vnu: ${htmlFiles.length + bilingualFiles.length + cardPages.length} HTML files (the example and a bilingual site, and the cards on service pages), zero errors`, result.status === 0 && errors.length === 0,
        (errors.length ? errors.slice(0, 20).join('\n') : result.stderr || result.error));

  // Every record, against its site's published schema, by ajv-cli at its defaults.
  const goldenSites = path.join(repo, 'tests', 'golden', 'sites');
  validateRecords({
    sites: [siteDir, ...fs.readdirSync(goldenSites).sort().map((n) => path.join(goldenSites, n, 'expected'))],
    scratch: path.join(workDir, 'ajv'), check,
  });

  const launchOptions = {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  };
  await feedbackJourney({ lantern, repo, workDir, shotDir, check, launchOptions });
  await bilingualCheckSwitch({ lantern, workDir, check, launchOptions });
}

// A promise that never settles would let node exit quietly with status 0 and no
// closing line; that must count as a failure, never as a pass.
let finished = false;
process.on('exit', (code) => {
  if (!finished) {
    console.log(`${passed} passed, ${failed + 1} failed`);
    console.error('the suite stopped before it finished (a step never completed)');
    process.exitCode = 2;
  }
});

main().then(() => {
  finished = true;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}, (err) => {
  finished = true;
  console.error(err && err.stack || err);
  failed++;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(2);
});
