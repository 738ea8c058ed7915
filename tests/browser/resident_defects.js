// Defects a resident saw in a browser (issue 12, item 6), checked where they
// were seen, on the built example site served as a council would serve it.
// Each check says what was wrong, so a failure names the defect that is back.
'use strict';

// Checks one page at a time with `page` (a Playwright page) against `origin`.
async function residentDefects({ page, origin, ids, check }) {
  // A record page on a phone: banner and navigation leave room for the heading.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${origin}/records/${ids.v4}/`);
  const headerBottom = await page.evaluate(() => document.querySelector('header').getBoundingClientRect().bottom);
  check(`record @375: banner and navigation take at most 140px (took ~230 before the "Menu") (${Math.round(headerBottom)})`,
        headerBottom <= 140);
  const menuLinks = await page.locator('.service-nav__menu .service-nav__link').count();
  // By keyboard: Tab to "Menu", Enter, and the next Tab is the first link.
  let onMenu = false;
  for (let n = 0; n < 10 && !onMenu; n++) {
    await page.keyboard.press('Tab');
    onMenu = await page.evaluate(() => !!document.activeElement && document.activeElement.classList.contains('service-nav__toggle'));
  }
  await page.keyboard.press('Enter');
  const openLinks = await page.locator('.service-nav__menu .service-nav__link:visible').count();
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement && document.activeElement.closest('.service-nav__menu') ? document.activeElement.textContent : '');
  check(`record @375: "Menu" is reached by Tab and Enter opens every navigation link (${openLinks} of ${menuLinks}), the next Tab is the first ("${next}")`,
        onMenu && menuLinks > 1 && openLinks === menuLinks && next.trim() === 'Records');

  // Summary lists on a record page: the form's styles no longer reach them.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${origin}/records/${ids.v4}/`);
  const lists = await page.evaluate(() => {
    const row = document.querySelector('#key-facts ~ .summary-list .summary-list__row');
    const value = row.querySelector('.summary-list__value');
    const numbers = [...document.querySelectorAll('#key-facts ~ .summary-list .summary-list__number')]
      .filter((n) => getComputedStyle(n).display !== 'none' && n.textContent.trim() !== '');
    return { display: getComputedStyle(row).display, whiteSpace: getComputedStyle(value).whiteSpace, numbers: numbers.length };
  });
  check(`record @1280: key facts are a two-column table (rows ${lists.display}), not the form's flex rows with double lines`,
        lists.display === 'table-row');
  check(`record @1280: values wrap as text (white-space ${lists.whiteSpace}), not at their source's line breaks`,
        lists.whiteSpace === 'normal');
  check(`record: no ATRS number shows above a key facts label (${lists.numbers} shown)`, lists.numbers === 0);

  // A retired record says "Retired" once among its tags.
  await page.goto(`${origin}/records/${ids.retired}/`);
  const tags = (await page.locator('.record-tags .tag').allTextContents()).map((t) => t.trim());
  check(`record-retired: "Retired" appears once among the tags (${tags.join(', ')})`,
        tags.filter((t) => t === 'Retired').length === 1);

  // Printed for a complaint or an appeal: where it came from, and one way to respond.
  await page.emulateMedia({ media: 'print' });
  const print = await page.evaluate(() => {
    const shown = (sel) => [...document.querySelectorAll(sel)].filter((el) => getComputedStyle(el).display !== 'none').length;
    const note = document.querySelector('.print-note');
    return { note: note && getComputedStyle(note).display !== 'none' ? note.textContent : '',
             nav: shown('.service-nav'), feedback: shown('.feedback'), breadcrumbs: shown('.breadcrumbs') };
  });
  await page.emulateMedia({ media: 'screen' });
  const screenNote = await page.evaluate(() => getComputedStyle(document.querySelector('.print-note')).display);
  check(`record print: the page says its address and last change (${print.note.trim()})`,
        new RegExp(`/records/${ids.retired}/`).test(print.note) && /\d{4}\./.test(print.note));
  check(`record print: no navigation or breadcrumbs, one way to respond (nav ${print.nav}, breadcrumbs ${print.breadcrumbs}, feedback ${print.feedback})`,
        print.nav === 0 && print.breadcrumbs === 0 && print.feedback === 1);
  check(`record on screen: the print note is not shown (${screenNote})`, screenNote === 'none');

  // What search engines and browsers ask of every page.
  const described = [];
  for (const url of ['/', '/records/', `/records/${ids.v4}/`, '/pages/ai-policy/', '/data/']) {
    await page.goto(origin + url);
    const meta = await page.evaluate(() => {
      const d = document.querySelector('meta[name="description"]');
      return d ? d.getAttribute('content') : '';
    });
    if (!meta || meta.length < 20) described.push(`${url}: "${meta}"`);
  }
  check('every page has a meta description', described.length === 0, described.join('\n'));
  const recordMeta = await page.goto(`${origin}/records/${ids.v4}/`).then(() =>
    page.evaluate(() => [document.querySelector('meta[name="description"]').content, document.querySelector('.lead').textContent]));
  check('a record\'s meta description is its one-sentence description', recordMeta[0] === recordMeta[1].trim(), recordMeta.join('\n'));
  await page.goto(`${origin}/no-such-page/`);
  const notFound = await page.evaluate(() => ({
    canonical: !!document.querySelector('link[rel="canonical"]'),
    robots: (document.querySelector('meta[name="robots"]') || {}).content || '',
  }));
  check(`404: names no canonical address and is noindex (canonical ${notFound.canonical}, robots "${notFound.robots}")`,
        !notFound.canonical && notFound.robots === 'noindex');
  const icon = await page.request.get(`${origin}/favicon.ico`);
  check(`/favicon.ico is served (${icon.status()})`, icon.status() === 200 && (await icon.body()).length > 0);

  // The records search form has a submit button (pa11y: "no submit button").
  await page.goto(`${origin}/records/`);
  const submit = await page.locator('form#record-search button[type="submit"]').count();
  check(`records: the search form has a submit button (${submit})`, submit === 1);
  if (submit === 1) {
    await page.waitForSelector('#record-search:not([hidden])', { timeout: 5000 }).catch(() => {});
    const before = await page.locator('.table--records tbody tr:visible').count();
    await page.fill('#record-search-input', 'bin');
    await page.locator('form#record-search button[type="submit"]').click();
    const after = await page.locator('.table--records tbody tr:visible').count();
    check(`records: the Search button narrows the list in place (${before} → ${after}, ${new URL(page.url()).pathname})`,
          after > 0 && after < before && new URL(page.url()).pathname === '/records/');
  }
}

// Checks on the feedback form, as `lantern serve` renders it, on `page` at 320px.
async function formDefects({ page, check }) {
  const radios = await page.evaluate(() => [...document.querySelectorAll('.radios__item')].map((item) => {
    const input = item.querySelector('input').getBoundingClientRect();
    const lines = [...item.querySelector('label').getClientRects()];
    return { right: input.right, lefts: lines.map((r) => r.left), lines: lines.length };
  }));
  const under = radios.filter((r) => r.lefts.some((left) => left < r.right));
  check(`feedback form @320: no radio label wraps under its radio (${radios.length} radios, ${radios.filter((r) => r.lines > 1).length} wrapped)`,
        radios.length === 4 && under.length === 0, JSON.stringify(under));
  const head = await page.evaluate(() => ({
    title: document.title,
    robots: (document.querySelector('meta[name="robots"]') || {}).content || '',
    privacy: [...document.querySelectorAll('form p')].map((p) => p.textContent).find((t) => /privacy notice/.test(t)) || '',
  }));
  check(`feedback form: its title names the tool ("${head.title}")`, /^Contact us about (?!this tool)/.test(head.title));
  check(`feedback form: noindex ("${head.robots}")`, head.robots === 'noindex');
  check(`feedback form: the privacy sentence has its verb ("${head.privacy.trim()}")`, /\. Read how we use/.test(head.privacy));
}

module.exports = { residentDefects, formDefects };
