// Open built pages the way a reader would and try to set off whatever an attacker put into them:
// load, hover and focus every element of the content, click its links, submit its forms.
// Usage: node hostile.js CHROMIUM SECRETS_JSON URL...
//   -> JSON [{url, dialogs, foreign, violations, errors, secrets, hidden}] (one entry per URL)
// Requests to hosts other than 127.0.0.1 are aborted and reported, never sent.
const {launch} = require('../../scripts/kit/checks/chromium.js');

(async () => {
  const [executablePath, secretsJson, ...urls] = process.argv.slice(2);
  const secrets = JSON.parse(secretsJson);
  const browser = await launch(executablePath);
  const out = [];
  for (const url of urls) {
    const page = await browser.newPage();
    const result = {url, dialogs: [], foreign: [], violations: [], errors: [], secrets: [], hidden: []};
    page.on('dialog', async d => { result.dialogs.push(d.message()); await d.dismiss(); });
    page.on('pageerror', e => result.errors.push(String(e.message || e)));
    await page.setRequestInterception(true);
    page.on('request', req => {
      const u = req.url();
      if (/^(https?|wss?):\/\//.test(u) && !/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(u)) {
        result.foreign.push(u);
        req.abort();
      } else {
        req.continue();
      }
    });
    await page.evaluateOnNewDocument(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation',
        e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url, {waitUntil: 'networkidle0'});
    await page.evaluate(async () => {
      const content = document.querySelector('article') || document.body;
      for (const el of content.querySelectorAll('*')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart']) {
          el.dispatchEvent(new Event(type, {bubbles: true}));
        }
      }
      for (const a of content.querySelectorAll('a')) {
        const href = a.getAttribute('href') || '';
        if (!/^(https?:|mailto:|#|\.|\/|[\w-]+\/|[\w-]+\.html)/.test(href)) a.click();  // no navigation away
      }
      for (const f of content.querySelectorAll('form')) {
        try { f.requestSubmit(); } catch (e) { /* a form without submit button */ }
      }
      await new Promise(r => setTimeout(r, 300));
    });
    await page.waitForNetworkIdle({idleTime: 200, timeout: 5000}).catch(() => {});
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    result.secrets = secrets.filter(s => html.includes(s));
    result.hidden = await page.evaluate(() => [...document.querySelectorAll('article p, article li, article h2')]
      .filter(el => el.textContent.includes('WIDOCZNY') && el.getClientRects().length === 0)
      .map(el => el.textContent.trim().slice(0, 60)));
    result.violations = await page.evaluate(() => window.__violations);
    out.push(result);
    await page.close();
  }
  console.log(JSON.stringify(out));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
