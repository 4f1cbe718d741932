// Type queries into the site's search in headless Chromium and report the results.
// Usage: node search.js BASE_URL CHROMIUM '[["page/", "query"], ...]'  -> JSON list of results
const {launch} = require('../../scripts/kit/checks/chromium.js');

(async () => {
  const [base, executablePath, casesJson] = process.argv.slice(2);
  const cases = JSON.parse(casesJson);
  const browser = await launch(executablePath);
  const page = await browser.newPage();
  const errors = [];
  const external = [];
  page.on('request', r => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url()); });
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning' || m.type() === 'warn') errors.push(m.text()); });
  const out = [];
  let current = null;
  for (const [path, query] of cases) {
    if (current !== path) {
      await page.goto(base + path, {waitUntil: 'load'});
      current = path;
    }
    await page.click('label[for="__search"]').catch(() => {});
    const input = await page.waitForSelector('input.md-search__input', {visible: true});
    await input.click({clickCount: 3});
    await page.keyboard.press('Backspace');
    await input.type(query, {delay: 10});
    // Puppeteer enters non-ASCII letters (ą, ś, ć…) without key events; a real key press makes
    // Material read the whole value, as it does after a person types.
    await page.keyboard.press('End');
    // Wait until the search has settled: the result list stays the same for a second and the
    // index is no longer initialising (Material searches while the user types).
    let last = null, stable = 0;
    for (let i = 0; i < 100 && stable < 4; i++) {
      await new Promise(r => setTimeout(r, 250));
      const state = await page.evaluate(() => {
        const meta = document.querySelector('.md-search-result__meta').textContent;
        return /Inicjow|Initializ/i.test(meta) ? null :
          meta + '|' + [...document.querySelectorAll('.md-search-result__link')].map(a => a.getAttribute('href')).join();
      });
      stable = state !== null && state === last ? stable + 1 : 0;
      last = state;
    }
    const results = await page.evaluate(() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
      .map(a => ({href: a.getAttribute('href'), title: (a.querySelector('h1,h2') || a).textContent.trim()})));
    const meta = await page.evaluate(() => document.querySelector('.md-search-result__meta').textContent.trim() + ' [' + document.querySelector('input.md-search__input').value + ']');
    out.push({path, query, meta, results});
  }
  console.log(JSON.stringify({cases: out, errors, external}));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
