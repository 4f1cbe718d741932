// First visit to each page with an empty cache: every request with its status and the bytes that
// crossed the wire (compressed size plus headers), until the network has been quiet for a second.
// Usage: node firstvisit.js CHROMIUM BASE_URL path/ [path/ ...]  -> JSON list, one entry per page
const {launch} = require('../checks/chromium.js');

(async () => {
  const [executablePath, base, ...paths] = process.argv.slice(2);
  const browser = await launch(executablePath);
  const out = [];
  for (const path of paths) {
    const context = await browser.createBrowserContext();   // empty cache for each page
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    const requests = new Map();
    cdp.on('Network.responseReceived', e => {
      requests.set(e.requestId, {url: e.response.url.replace(base, ''), status: e.response.status, bytes: 0});
    });
    cdp.on('Network.loadingFinished', e => {
      const r = requests.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', e => {
      const r = requests.get(e.requestId) || {url: '?', status: 0, bytes: 0};
      r.failed = e.errorText;
      requests.set(e.requestId, r);
    });
    await page.goto(base + path, {waitUntil: 'networkidle0'});
    await new Promise(r => setTimeout(r, 1000));
    const list = [...requests.values()];
    out.push({path, bytes: list.reduce((s, r) => s + r.bytes, 0), requests: list});
    await context.close();
  }
  console.log(JSON.stringify(out));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
