// Switch editions with Material's version selector and report where the reader lands.
// Usage: node versions.js START_URL TARGET_VERSION CHROMIUM  -> JSON {versions, after}
const {launch} = require('../../scripts/kit/checks/chromium.js');

(async () => {
  const [start, target, executablePath] = process.argv.slice(2);
  const browser = await launch(executablePath);
  const page = await browser.newPage();
  await page.goto(start, {waitUntil: 'networkidle0'});
  const versions = await page.evaluate(() => [...document.querySelectorAll('.md-version__link')]
    .map(a => a.textContent.trim()));
  const link = await page.$(`.md-version__link[href*="${target}"]`);
  if (link) {
    await Promise.all([page.waitForNavigation({waitUntil: 'load'}).catch(() => {}),
                       page.evaluate(el => el.click(), link)]);
  }
  console.log(JSON.stringify({versions, after: page.url()}));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
