// Keyboard check in headless Chromium: the first Tab stop, Enter on it, and the focus style.
// Usage: node keyboard.js URL CHROMIUM  -> prints one JSON object.
const {launch} = require('../../scripts/kit/checks/chromium.js');

(async () => {
  const [url, executablePath] = process.argv.slice(2);
  const browser = await launch(executablePath);
  const page = await browser.newPage();
  await page.setViewport({width: 1280, height: 900});
  await page.goto(url, {waitUntil: 'load'});
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    return {tag: el.tagName, href: el.getAttribute('href'), text: el.textContent.trim(),
            className: el.className, outlineStyle: cs.outlineStyle, outlineWidth: cs.outlineWidth,
            outlineColor: cs.outlineColor, visible: el.getBoundingClientRect().height > 0};
  });
  await page.keyboard.press('Enter');
  await new Promise(r => setTimeout(r, 300));
  const after = await page.evaluate(() => ({hash: location.hash,
    focusedId: document.activeElement && document.activeElement.id,
    focusedTag: document.activeElement && document.activeElement.tagName}));
  // Focus visibility on every focusable element of the article (links, summaries, buttons).
  const styles = await page.evaluate(() => {
    const els = [...document.querySelectorAll('article a[href], article summary, header a, header label, header button')]
      .filter(e => e.getBoundingClientRect().height > 0).slice(0, 40);
    return els.length;
  });
  const focusStyles = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    focusStyles.push(await page.evaluate(() => {
      const el = document.activeElement; const cs = getComputedStyle(el);
      return {tag: el.tagName, cls: String(el.className).slice(0, 40), outline: cs.outlineStyle, width: cs.outlineWidth,
              boxShadow: cs.boxShadow};
    }));
  }
  console.log(JSON.stringify({first, after, visibleFocusables: styles, focusStyles}));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
