// Self-study in headless Chromium, one browser for every check: mark as completed and reload,
// progress on the catalogue and a path page, the catalogue filter by keyboard, a self-check
// answer in a live region, the completion record (and its print on one page), clearing progress,
// the feedback links, the same progress from file:// (offline copy), no request leaving the
// site, and axe-core (WCAG 2.1 A/AA) on every new page and state.
// Usage: node selfstudy.js BASE_URL OFFLINE_DIR CHROMIUM MODULE_PATH AUDIENCE  -> one JSON object
const {launch} = require('../../scripts/kit/checks/chromium.js');
const path = require('path');

// axe-core is evaluated through the DevTools protocol: the site's Content-Security-Policy forbids
// inline scripts, and the page must run under that policy unchanged.
const AXE = require('fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const sleep = ms => new Promise(r => setTimeout(r, ms));

(async () => {
  const [base, offlineDir, executablePath, modulePath, audience] = process.argv.slice(2);
  const browser = await launch(executablePath, ['--allow-file-access-from-files']);
  const page = await browser.newPage();
  await page.setViewport({width: 1280, height: 900});
  const out = {axe: {}, errors: [], external: []};
  page.on('request', r => {
    const url = r.url();
    if (!url.startsWith(base) && !/^(data|blob|about|file):/.test(url)) out.external.push(url);
  });
  page.on('pageerror', e => out.errors.push(String(e)));
  page.on('console', m => { if (/Content Security Policy/i.test(m.text())) out.errors.push(m.text()); });
  page.on('dialog', d => d.accept());  // "clear stored progress" asks for confirmation

  async function axe(name) {
    if (!await page.evaluate(() => !!window.axe)) await page.evaluate(AXE);
    const result = await page.evaluate(tags => window.axe.run(document, {runOnly: {type: 'tag', values: tags}}), TAGS);
    out.axe[name] = result.violations.map(v => ({id: v.id, impact: v.impact,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
  }
  async function go(url) {
    await page.goto(url, {waitUntil: 'load'});
  }
  // Press Tab until the focused element matches selector (keyboard only, as a person would).
  async function tabTo(selector, limit = 120) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(s => document.activeElement && document.activeElement.matches(s), selector)) return true;
    }
    return false;
  }
  const text = sel => page.$eval(sel, e => e.textContent.trim()).catch(() => null);

  // 1. Module page: answer a self-check question by keyboard, wrongly, and hear the result.
  await go(base + modulePath);
  await axe('module');
  const quiz = await page.$eval('.kit-quiz[data-kit-quiz]', q => ({
    key: q.getAttribute('data-kit-quiz'), right: +q.getAttribute('data-kit-answer'),
    choices: q.querySelectorAll('.kit-quiz__choice').length,
    answerHidden: q.querySelector('.kit-quiz__answer').hidden}));
  const wrong = quiz.right === 0 ? 1 : 0;
  out.quizBefore = quiz;
  // Start where a keyboard user lands after following the table of contents to the question's
  // section (the section's permalink), then Tab to the choice.
  await page.evaluate(key => {
    const quiz = document.querySelector(`.kit-quiz[data-kit-quiz="${key}"]`);
    const heading = [...document.querySelectorAll('article h2 .headerlink')]
      .filter(a => a.compareDocumentPosition(quiz) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
    heading.focus();
  }, quiz.key);
  out.reachedChoice = await tabTo(`.kit-quiz[data-kit-quiz="${quiz.key}"] li:nth-child(${wrong + 1}) .kit-quiz__choice`);
  await page.keyboard.press('Enter');
  await sleep(300);
  out.quizAfter = await page.$eval(`.kit-quiz[data-kit-quiz="${quiz.key}"]`, q => {
    const region = q.querySelector('.kit-quiz__feedback');
    const answer = q.querySelector('.kit-quiz__answer');
    return {live: region.textContent.trim(), role: region.getAttribute('role'),
      marks: [...q.querySelectorAll('.kit-quiz__mark')].map(m => m.textContent.trim()),
      answerShown: !answer.hidden && answer.open, focusKept: q.contains(document.activeElement)};
  });
  await axe('module: answered');

  // 2. Mark as completed with the keyboard, reload, still completed.
  out.reachedDone = await tabTo('.kit-done__box');
  await page.keyboard.press('Space');
  await sleep(200);
  out.doneStatus = await text('.kit-done__status');
  await axe('module: completed');
  await page.reload({waitUntil: 'load'});
  out.afterReload = await page.evaluate(key => ({
    checked: document.querySelector('.kit-done__box').checked,
    status: document.querySelector('.kit-done__status').textContent.trim(),
    earlierAnswer: [...document.querySelectorAll(`.kit-quiz[data-kit-quiz="${key}"] .kit-quiz__mark`)]
      .map(m => m.textContent.trim()).filter(Boolean)}), quiz.key);
  const moduleId = quiz.key.split(':')[0];

  // 3. Feedback: a selected passage, its section and the page travel in the e-mail link.
  const picked = await page.evaluate(() => {
    const h = [...document.querySelectorAll('article h2[id]')].find(h => {
      const p = h.nextElementSibling;
      return p && p.tagName === 'P' && p.textContent.trim().length > 40;
    });
    const p = h.nextElementSibling;
    const range = document.createRange();
    range.setStart(p.firstChild, 0);
    range.setEnd(p.firstChild, Math.min(30, p.firstChild.textContent.length));
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    const copy = h.cloneNode(true);
    copy.querySelectorAll('.headerlink').forEach(a => a.remove());
    return {section: copy.textContent.trim(), id: h.id, quote: range.toString().trim()};
  });
  await sleep(300);
  const vote = await page.$('[data-kit-vote="no"]');
  await vote.click();
  await sleep(200);
  out.feedback = await page.evaluate(() => ({
    mail: document.querySelector('[data-kit-mail]').getAttribute('href'),
    issue: (document.querySelector('[data-kit-issue]') || {getAttribute: () => ''}).getAttribute('href'),
    status: document.querySelector('.kit-feedback__status').textContent.trim(),
    quoteShown: !document.querySelector('[data-kit-quote]').hidden,
    title: document.querySelector('[data-kit-feedback]').getAttribute('data-kit-page')}));
  out.feedback.picked = picked;
  await axe('module: feedback with a quote');

  // 4. Catalogue: progress and the completed mark; the filter by keyboard.
  await go(base + 'moduly/');
  out.catalogue = await page.evaluate(id => ({
    progress: document.querySelector('.kit-progress__text').textContent.trim(),
    badge: !!document.querySelector(`a[data-kit-module="${id}"] + .kit-badge`),
    rows: document.querySelectorAll('a[data-kit-audience]').length}), moduleId);
  await axe('catalogue');
  out.reachedFilter = await tabTo('#kit-filter-audience');
  const options = await page.$$eval('#kit-filter-audience option', os => os.map(o => o.value));
  for (let i = 0; i < options.indexOf(audience); i++) await page.keyboard.press('ArrowDown');
  await sleep(300);
  out.filtered = await page.evaluate(() => ({
    value: document.querySelector('#kit-filter-audience').value,
    shown: [...document.querySelectorAll('a[data-kit-audience]')].filter(a => !a.closest('tr').hidden)
      .map(a => a.getAttribute('data-kit-module')),
    count: document.querySelector('[data-kit-filter-count]').textContent.trim(),
    countRole: document.querySelector('[data-kit-filter-count]').getAttribute('role')}));
  await axe('catalogue: filtered');

  // 5. The self-study index and the path for the same audience.
  await go(base + 'nauka/');
  out.index = {progress: await text('.kit-progress__text'), paths: await page.$$eval('article h3', hs => hs.length)};
  await axe('self-study index');
  const pathLink = await page.$eval(`article a[href="${audience}/"]`, a => a.getAttribute('href'));
  await go(new URL(pathLink, page.url()).href);
  out.path = {progress: await text('.kit-progress__text'),
    items: await page.$$eval('article ol > li a[data-kit-module]', as => as.map(a => a.getAttribute('data-kit-module')))};
  await axe('path page');

  // 6. The completion record: name typed, completed module listed, one printed page.
  await go(base + 'nauka/potwierdzenie/');
  await page.type('#kit-record-name', 'Ewa Sadowska');
  out.record = await page.evaluate(() => ({
    name: document.querySelector('[data-kit-record-name]').textContent.trim(),
    rows: [...document.querySelectorAll('.kit-record tr[data-kit-module]')].filter(r => !r.hidden).map(r =>
      [...r.children].map(td => td.textContent.trim())),
    summary: document.querySelector('[data-kit-record-summary]').textContent.trim()}));
  await axe('completion record');
  const pdf = await page.pdf({format: 'A4'});
  out.record.printedPages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  // The longest record – every module completed, every question answered – still prints on one page.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find(k => k.startsWith('kit-selfstudy:'));
    const state = JSON.parse(localStorage.getItem(key));
    document.querySelectorAll('.kit-record tr[data-kit-module]').forEach(row => {
      state.modules[row.getAttribute('data-kit-module')] = {done: '2026-11-27'};
      row.getAttribute('data-kit-questions').split(/\s+/).filter(Boolean)
        .forEach(q => { state.answers[q] = {first: true, last: 0, date: '2026-11-27'}; });
    });
    localStorage.setItem(key, JSON.stringify(state));
  });
  await page.reload({waitUntil: 'load'});
  await page.type('#kit-record-name', 'Ewa Sadowska');
  out.record.allRows = await page.$$eval('.kit-record tr[data-kit-module]', rs => rs.filter(r => !r.hidden).length);
  const full = await page.pdf({format: 'A4'});
  out.record.fullPrintedPages = (Buffer.from(full).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  await page.emulateMediaType('print');
  out.record.printShows = await page.evaluate(() => ({
    h1: getComputedStyle(document.querySelector('article h1')).display,
    sheet: getComputedStyle(document.querySelector('.kit-record__sheet')).display,
    form: getComputedStyle(document.querySelector('.kit-record__form')).display}));
  await page.emulateMediaType('screen');

  // 7. Clear the stored progress on the catalogue.
  await go(base + 'moduly/');
  await page.click('.kit-progress__clear');
  await sleep(300);
  out.cleared = await page.evaluate(id => ({
    progress: document.querySelector('.kit-progress__text').textContent.trim(),
    status: document.querySelector('.kit-progress__status').textContent.trim(),
    badge: !!document.querySelector(`a[data-kit-module="${id}"] + .kit-badge`),
    stored: Object.keys(localStorage).filter(k => k.startsWith('kit-selfstudy:')).length}), moduleId);
  await axe('catalogue: progress cleared');
  await go(base + modulePath);
  out.cleared.checkedAfter = await page.$eval('.kit-done__box', b => b.checked);

  // 8. English pages.
  await go(base + 'en/nauka/');
  await axe('self-study index (English)');
  await go(base + 'en/moduly/');
  out.english = {filter: await text('.kit-filter__title'), progress: await text('.kit-progress__text')};
  await axe('catalogue (English)');

  // 9. Search ranks the participant page above its trainer view.
  await go(base + 'moduly/');
  const title = await page.$eval(`a[data-kit-module="${moduleId}"]`, a => a.textContent.trim());
  await page.click('label[for="__search"]').catch(() => {});
  const input = await page.waitForSelector('input.md-search__input', {visible: true});
  await input.type(title, {delay: 5});
  await page.keyboard.press('End');
  let results = [];
  for (let i = 0, stable = 0, last = ''; i < 80 && stable < 4; i++) {
    await sleep(250);
    results = await page.$$eval('.md-search-result__item > .md-search-result__link', as => as.map(a => a.getAttribute('href')));
    const now = results.join();
    stable = now && now === last ? stable + 1 : 0;
    last = now;
  }
  out.search = {query: title, results: results.slice(0, 10),
    meta: await text('.md-search-result__meta')};

  // 10. The offline copy from file://: mark, reload, see progress on its catalogue.
  const offline = 'file://' + path.resolve(offlineDir, modulePath + 'index.html');
  await go(offline);
  await page.click('.kit-done__box');
  await page.reload({waitUntil: 'load'});
  out.offline = {checked: await page.$eval('.kit-done__box', b => b.checked)};
  await go('file://' + path.resolve(offlineDir, 'moduly/index.html'));
  out.offline.progress = await text('.kit-progress__text');
  out.offline.badge = await page.evaluate(id => !!document.querySelector(`a[data-kit-module="${id}"] + .kit-badge`), moduleId);

  console.log(JSON.stringify(out));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
