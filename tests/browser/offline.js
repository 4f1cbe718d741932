// Open the offline bundle from file:// and check that navigation to a module page and search work.
// Usage: node offline.js SITE_DIR CHROMIUM QUERY  -> JSON
const {launch} = require('../../scripts/kit/checks/chromium.js');
const path = require('path');

(async () => {
  const [siteDir, executablePath, query] = process.argv.slice(2);
  const browser = await launch(executablePath, ['--allow-file-access-from-files']);
  const page = await browser.newPage();
  const errors = [], external = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('request', r => { if (!/^(file|data|blob|about):/.test(r.url())) external.push(r.url()); });
  await page.goto('file://' + path.resolve(siteDir, 'index.html'), {waitUntil: 'load'});
  // follow the home page's link to the module catalogue, then to the first module
  await Promise.all([page.waitForNavigation({waitUntil: 'load'}), page.click('article a[href*="moduly/index.html"]')]);
  const catalogue = await page.evaluate(() => document.querySelector('h1').textContent.trim());
  await Promise.all([page.waitForNavigation({waitUntil: 'load'}), page.click('article table a[href*="m01"]')]);
  const module = await page.evaluate(() => ({h1: document.querySelector('h1').textContent.trim(), url: location.href}));
  await page.click('label[for="__search"]').catch(() => {});
  const input = await page.waitForSelector('input.md-search__input', {visible: true});
  await input.type(query, {delay: 10});
  await page.keyboard.press('End');
  let results = [], meta = '';
  for (let i = 0; i < 80; i++) {
    await new Promise(r => setTimeout(r, 250));
    [meta, results] = await page.evaluate(() => [document.querySelector('.md-search-result__meta').textContent,
      [...document.querySelectorAll('.md-search-result__link')].map(a => a.getAttribute('href'))]);
    if (results.length) break;
  }
  console.log(JSON.stringify({catalogue, module, meta, results, errors, external}));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
