// The decision-notice kit's card (issue 13, item 3) where a council puts it:
// on its own service page, which links no stylesheet or script of ours. The
// card's file is pasted into a plain page, as a council's content system
// would, and checked there at 320 and 1280 px: axe, no horizontal scroll, its
// style attributes in force, its link reached by Tab. On the notice page, the
// preview is styled by the theme's rules (that page's Content-Security-Policy
// refuses style attributes).
'use strict';

const fs = require('fs');
const path = require('path');

// The council's page around the card: a heading of its own, then the card.
function servicePage(card) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Apply for a larger bin - Example Council</title></head>
<body><main><h1>Apply for a larger bin</h1>
<p>You can ask for a larger bin if six or more people live in your home.</p>
${card}
<p><a href="#apply">Start your application</a></p></main></body></html>`;
}

// Returns the service pages it wrote (one per record), for vnu.
async function noticeCard({ page, origin, siteDir, workDir, ids, runAxe, horizontalOverflow, check }) {
  const written = [];
  const pagesDir = path.join(workDir, 'service-pages');
  fs.mkdirSync(pagesDir, { recursive: true });
  for (const id of fs.readdirSync(path.join(siteDir, 'records')).sort()) {
    const file = path.join(siteDir, 'records', id, 'notice', 'card.html');
    if (!fs.existsSync(file)) continue;
    written.push(path.join(pagesDir, `${id}.html`));
    fs.writeFileSync(written[written.length - 1], servicePage(fs.readFileSync(file, 'utf8')));
  }
  const cardFile = path.join(siteDir, 'records', ids.v4, 'notice', 'card.html');
  check('notice-card: the build wrote the card file', fs.existsSync(cardFile), cardFile);
  if (!fs.existsSync(cardFile)) return written;
  const card = fs.readFileSync(cardFile, 'utf8');
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
    // From about:blank, whose document has no Content-Security-Policy: the
    // council's page is not ours (setContent keeps the current document's).
    await page.goto('about:blank');
    await page.setContent(servicePage(card), { waitUntil: 'load' });
    const violations = await runAxe(page);
    check(`notice-card on a service page @${width}: zero axe violations`, violations.length === 0, violations.join('\n'));
    const o = await horizontalOverflow(page);
    check(`notice-card on a service page @${width}: no horizontal scroll`, o.scrollWidth <= o.clientWidth,
          `scrollWidth ${o.scrollWidth} > ${o.clientWidth}: ${o.wide.join(', ')}`);
    const style = await page.evaluate(() => {
      const box = document.querySelector('.lantern-card');
      return { border: getComputedStyle(box).borderLeftWidth, heading: box.querySelector('h2') !== null };
    });
    check(`notice-card on a service page @${width}: its own style applies without a stylesheet (left border ${style.border})`,
          style.border === '5px' && style.heading);
    let onLink = false;
    for (let n = 0; n < 5 && !onLink; n++) {
      await page.keyboard.press('Tab');
      onLink = await page.evaluate(() => !!document.activeElement && document.activeElement.classList.contains('lantern-card__link'));
    }
    check(`notice-card on a service page @${width}: Tab reaches its link`, onLink);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${origin}/records/${ids.v4}/notice/`, { waitUntil: 'load' });
  const preview = await page.evaluate(() => {
    const box = document.querySelector('.notice-kit__preview .lantern-card');
    return box ? getComputedStyle(box).borderLeftWidth : 'none';
  });
  check(`notice-kit: the card's preview is styled by the theme's rules (left border ${preview})`, preview === '5px');
  return written;
}

module.exports = { noticeCard };
