// A bilingual site as a Welsh council starts one (`lantern init --languages
// cy,en`, built at once), served as a council would serve it, and every page
// type tried in both languages at 320 and 1280 px: zero axe violations, the
// page's own language on <html>, one h1, no horizontal scroll, every control
// reached by Tab; the language switch reached by keyboard and taking Enter to
// the same page in the other language; and no sentence of the theme's
// English (strings/en.yaml) on a Welsh page outside a lang="en" passage.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

// The theme's English sentences that differ from the Welsh, as fragments
// long enough to be telling (placeholders split them): each one found in a
// Welsh page's text outside lang="en" is English shown as if it were Welsh.
function englishFragments(repo) {
  const read = (name) => {
    const strings = {};
    for (const line of fs.readFileSync(path.join(repo, 'themes', 'default', 'strings', name), 'utf8').split('\n')) {
      const m = line.match(/^([a-z0-9_]+):\s*"(.*)"\s*$/);
      if (m) strings[m[1]] = m[2].replace(/\\"/g, '"');
    }
    return strings;
  };
  const en = read('en.yaml');
  const cy = read('cy.yaml');
  const fragments = new Set();
  for (const [key, text] of Object.entries(en)) {
    if (cy[key] === text) continue;
    for (const part of text.split(/\{[a-z_]+\}/)) {
      const trimmed = part.trim();
      if (trimmed.length >= 14) fragments.add(trimmed);
    }
  }
  return [...fragments];
}

async function bilingualSite({ lantern, repo, workDir, shotDir, serve, runAxe, tabThrough, horizontalOverflow, page, check }) {
  const source = path.join(workDir, 'bilingual-src');
  const built = path.join(workDir, 'bilingual-site');
  fs.rmSync(source, { recursive: true, force: true });
  execFileSync(lantern, ['init', source, '--languages', 'cy,en'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(lantern, ['build', source, '-o', built], { stdio: ['ignore', 'ignore', 'ignore'] });
  const server = await serve(built);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const record = fs.readdirSync(path.join(source, 'records')).find((n) => !n.includes('.cy.')).replace(/\.yaml$/, '');
  const list = fs.readFileSync(path.join(built, 'records', 'index.html'), 'utf8');
  const filter = (list.match(/href="(\/records\/(?:service|phase|function)\/[^"]+\/)"/) || [])[1];
  check('bilingual: the Welsh records list links to a filter page', !!filter);
  const types = [['home', ''], ['records-list', 'records/'], ['filter', (filter || '/records/').slice(1)],
                 ['record', `records/${record}/`], ['notice-kit', `records/${record}/notice/`], ['dashboard', 'dashboard/'],
                 ['policy-page', 'pages/ai-policy/'],
                 ['accessibility-statement', 'pages/accessibility/'], ['data', 'data/']];
  const fragments = englishFragments(repo);
  for (const [name, below] of types) {
    for (const [language, prefix, other, otherPrefix] of [['cy', '/', 'en', '/en/'], ['en', '/en/', 'cy', '/']]) {
      const url = prefix + below;
      const label = `bilingual ${name} (${language})`;
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
        const response = await page.goto(origin + url, { waitUntil: 'load' });
        check(`${label} @${width}: served`, response.status() === 200, `${response.status()} ${url}`);
        const violations = await runAxe(page);
        check(`${label} @${width}: zero axe violations`, violations.length === 0, violations.join('\n'));
        const lang = await page.evaluate(() => document.documentElement.getAttribute('lang'));
        check(`${label} @${width}: <html lang="${language}">`, lang === language, `lang="${lang}"`);
        const h1 = await page.locator('h1').count();
        check(`${label} @${width}: exactly one h1`, h1 === 1, `${h1}`);
        if (width === 320) {
          const o = await horizontalOverflow(page);
          check(`${label} @320: no horizontal scroll`, o.scrollWidth <= o.clientWidth, `scrollWidth ${o.scrollWidth}: ${o.wide.join(', ')}`);
        }
        await page.screenshot({ path: path.join(shotDir, `bilingual-${name}-${language}-${width}.png`), fullPage: true });
        const t = await tabThrough(page);
        check(`${label} @${width}: Tab reaches every control (${t.reached.length} of ${t.expected.length})`, t.missing.length === 0, t.missing.join(', '));
        check(`${label} @${width}: every control shows a visible focus indicator`, t.invisible.length === 0, t.invisible.slice(0, 5).join('\n'));
        const alternates = await page.evaluate(() => Array.from(document.querySelectorAll('link[rel=alternate][hreflang]'))
          .map((l) => `${l.hreflang} ${new URL(l.href).pathname}`));
        check(`${label} @${width}: hreflang alternates name both languages`,
              alternates.includes(`${language} ${url}`) && alternates.includes(`${other} ${otherPrefix + below}`), alternates.join(', '));
      }
      if (language === 'cy') {
        // The theme's English, shown outside a passage marked as English.
        const text = await page.evaluate(() => {
          const copy = document.body.cloneNode(true);
          copy.querySelectorAll('[lang]:not([lang^="cy"])').forEach((el) => el.remove());
          return copy.textContent.replace(/\s+/g, ' ');
        });
        const english = fragments.filter((f) => text.includes(f));
        check(`${label}: no English string of the theme outside lang="en"`, english.length === 0, english.slice(0, 5).join(' | '));
      }
      // The switch by keyboard: Tab to it, Enter, and the same page in the other language.
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(origin + url, { waitUntil: 'load' });
      let onSwitch = false;
      for (let n = 0; n < 8 && !onSwitch; n++) {
        await page.keyboard.press('Tab');
        onSwitch = await page.evaluate(() => !!document.activeElement && document.activeElement.classList.contains('language-switch__link'));
      }
      check(`${label}: the language switch is among the first Tab stops`, onSwitch);
      if (onSwitch) {
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
        const now = new URL(page.url()).pathname;
        const lang = await page.evaluate(() => document.documentElement.getAttribute('lang'));
        check(`${label}: Enter on the switch opens the same page in ${other} (${now})`, now === otherPrefix + below && lang === other, `${now} lang=${lang}`);
      }
    }
  }
  // Every page in the build has its counterpart, and links to it.
  const pages = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p); else if (entry.name === 'index.html') pages.push(path.relative(built, p));
    }
  })(built);
  const unlinked = [];
  for (const rel of pages) {
    const english = rel.startsWith('en/');
    const counterpart = english ? rel.slice(3) : `en/${rel}`;
    const href = '/' + counterpart.replace(/index\.html$/, '');
    const html = fs.readFileSync(path.join(built, rel), 'utf8');
    // A short address (r/<code>/) is a redirect, not a page: it has its
    // counterpart and leads to the notice page in its own language.
    if (/^(en\/)?r\//.test(rel)) {
      if (!fs.existsSync(path.join(built, counterpart)) || !html.includes(`url=/${english ? 'en/' : ''}records/`)) unlinked.push(rel);
      continue;
    }
    if (!fs.existsSync(path.join(built, counterpart)) || !html.includes(`class="language-switch__link" href="${href}"`)) unlinked.push(rel);
  }
  check(`bilingual: each of ${pages.length} pages links to its counterpart in the other language`, unlinked.length === 0 && pages.length > 20, unlinked.slice(0, 5).join(', '));
  server.close();
  return built;
}

module.exports = { bilingualSite };
