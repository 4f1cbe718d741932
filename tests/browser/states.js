// States a keyboard or screen-reader user meets beyond the first light 1280-px view (issue 18):
// every Tab stop at several widths and in both colour schemes (a visible box on screen and a
// focus indicator of 3:1), axe in the dark scheme, hover colours, search open with results,
// the language menu, the colour-scheme switch, the drawer button and the language of parts.
// One browser for the whole run. Usage: node states.js CONFIG.json -> one JSON object.
const fs = require('fs');
const {launch} = require('../../scripts/kit/checks/chromium.js');

const cfg = JSON.parse(fs.readFileSync(process.argv[2], 'utf-8'));
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf-8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Helpers evaluated inside the page (installed once per document).
function pageHelpers() {
  const parse = c => {
    const m = /rgba?\(([^)]+)\)/.exec(c || '');
    if (!m) return null;
    const p = m[1].split(/[,\s/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (fg, bg) => [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat(1);
  const lum = c => {
    const ch = v => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4); };
    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  // The opaque colour behind an element: translucent backgrounds blended up to the page.
  const background = el => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  };
  const describe = el => {
    if (!el || el === document.body) return 'BODY';
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
    const label = el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent.trim().slice(0, 30);
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls ? '.' + cls : ''} «${label}»`;
  };
  const SEL = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  const tabbables = () => [...document.querySelectorAll(SEL)].filter(el => {
    if (el.tabIndex < 0 || el.disabled || el.closest('[inert]') || el.type === 'hidden') return false;
    if (!el.checkVisibility({visibilityProperty: true})) return false;
    const closed = el.closest('details:not([open])');
    if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) return false;
    if (el.type === 'radio' && el.name) {
      const group = [...document.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
      const checked = group.find(r => r.checked);
      if ((checked || group[0]) !== el) return false;
    }
    return true;
  });
  // What shows focus: the element, or for a hidden radio the label drawn after it (Material's palette).
  const focusBox = el => {
    const next = el.nextElementSibling;
    if (el.tagName === 'INPUT' && next && next.tagName === 'LABEL' && Number(getComputedStyle(el).opacity) === 0) return next;
    return el;
  };
  const onScreen = el => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) return false;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (Number(cs.opacity) === 0 || cs.visibility === 'hidden') return false;
      if (e !== el && e !== document.documentElement && e !== document.body && cs.overflow !== 'visible') {
        const p = e.getBoundingClientRect();
        if (r.right <= p.left || r.left >= p.right || r.bottom <= p.top || r.top >= p.bottom) return false;
      }
    }
    return true;
  };
  const indicator = el => {
    const cs = getComputedStyle(el);
    if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) return {kind: 'outline', color: parse(cs.outlineColor)};
    if (cs.boxShadow && cs.boxShadow !== 'none') return {kind: 'shadow', color: parse(cs.boxShadow)};
    return null;
  };
  window.__kit = {parse, ratio, background, describe, tabbables, focusBox, onScreen, indicator,
    contrastOf: el => {
      const cs = getComputedStyle(el);
      const bg = background(el);
      return ratio(over(parse(cs.color), bg), bg);
    }};
}

// Every Tab stop: focus it as the keyboard would and check box and indicator.
async function walkStops(page) {
  await page.keyboard.press('Shift'); // keyboard modality, so :focus-visible applies to script focus
  return page.evaluate(() => {
    const k = window.__kit;
    const out = {stops: 0, invisible: [], noIndicator: [], lowContrast: [], drawerStops: 0};
    for (const el of k.tabbables()) {
      el.focus();
      if (document.activeElement !== el) continue;
      out.stops++;
      if (el.closest('.md-sidebar--primary') && innerWidth < 1220) out.drawerStops++;
      const box = k.focusBox(el);
      if (!k.onScreen(box)) { out.invisible.push(k.describe(el)); continue; }
      const ind = k.indicator(box);
      if (!ind || !ind.color) { out.noIndicator.push(k.describe(el)); continue; }
      const bg = k.background(box.parentElement || box);
      const r = k.ratio(ind.color.slice(0, 3).concat(1), bg);
      if (r < 3) out.lowContrast.push(`${k.describe(el)} ${r.toFixed(2)}:1`);
    }
    document.activeElement && document.activeElement.blur();
    return out;
  });
}

async function runAxe(page, include) {
  await page.evaluate(AXE);
  return page.evaluate(async (tags, include) => {
    const res = await window.axe.run(include ? {include: [include]} : document,
      {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    return res.violations.map(v => ({id: v.id, nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
  }, AXE_TAGS, include || null);
}

// Hover colours of a sample of links (article text, navigation, table of contents, footer, the
// edit icon), with :hover forced through the DevTools protocol: quicker than moving the mouse.
async function hoverContrast(page) {
  await page.evaluate(() => {
    const pick = [];
    const add = (sel, n) => [...document.querySelectorAll(sel)].filter(e => e.checkVisibility())
      .slice(0, n).forEach(e => pick.push(e));
    add('article p a[href]', 2); add('.md-sidebar--primary .md-nav__link[href]', 1);
    add('.md-sidebar--secondary .md-nav__link[href]', 1); add('.md-footer-meta a[href]', 1);
    add('.md-content__button', 1);
    pick.forEach(e => e.setAttribute('data-kit-hover', ''));
  });
  const cdp = await page.target().createCDPSession();
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const {root} = await cdp.send('DOM.getDocument', {depth: 0});
  const {nodeIds} = await cdp.send('DOM.querySelectorAll', {nodeId: root.nodeId, selector: '[data-kit-hover]'});
  for (const nodeId of nodeIds) await cdp.send('CSS.forcePseudoState', {nodeId, forcedPseudoClasses: ['hover']});
  const low = await page.evaluate(() => [...document.querySelectorAll('[data-kit-hover]')].map(e => {
    const r = window.__kit.contrastOf(e);
    const min = e.classList.contains('md-content__button') ? 3 : 4.5; // an icon: 1.4.11
    return r < min ? `${window.__kit.describe(e)} ${r.toFixed(2)}:1` : null;
  }).filter(Boolean));
  for (const nodeId of nodeIds) await cdp.send('CSS.forcePseudoState', {nodeId, forcedPseudoClasses: []});
  await cdp.detach();
  return low;
}

// Language of parts: text and labels inside lang="en" that are Polish, and the reverse.
async function languageOfParts(page) {
  return page.evaluate(strings => {
    // A phrase counts as Polish or English by its function words and Polish letters; one Polish
    // word in English text is usually a proper name (WCAG 3.1.2 exempts those), two are a phrase.
    const PL_WORDS = new Set('w i z ze dla na się oraz jest są nie o od po przez że lub czy jak tej ten'.split(' '));
    const EN_WORDS = new Set('the and of to in for with on is are this that be by or from not as at it we you have has yes'.split(' '));
    const score = (t, words, letters) => t.toLowerCase().split(/[^\p{L}]+/u).filter(w => w &&
      (words.has(w) || (letters && /[ąćęłńśźż]/.test(w)))).length;
    const pl = new Set(strings.pl), en = new Set(strings.en);
    const out = [];
    const check = (text, el, where) => {
      const t = text.replace(/\s+/g, ' ').trim();
      if (!t || !/[A-Za-zÀ-ž]/.test(t)) return;
      const langEl = el.closest('[lang]');
      const lang = (langEl ? langEl.getAttribute('lang') : '').slice(0, 2);
      const p = score(t, PL_WORDS, true), e = score(t, EN_WORDS, false);
      if (lang === 'en' && ((p >= 2 && p > e) || pl.has(t))) out.push(`en⊃pl ${where}: ${t.slice(0, 60)}`);
      if (lang === 'pl' && ((e >= 3 && e > p) || en.has(t))) out.push(`pl⊃en ${where}: ${t.slice(0, 60)}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, svg, [hidden], [aria-hidden="true"], .md-search-result')) continue;
      if (getComputedStyle(el).display === 'none') continue;
      check(n.data, el, el.tagName.toLowerCase());
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [alt], [placeholder]')) {
      for (const a of ['title', 'aria-label', 'alt', 'placeholder']) {
        if (el.hasAttribute(a)) check(el.getAttribute(a), el, `${el.tagName.toLowerCase()}@${a}`);
      }
    }
    return out;
  }, cfg.strings);
}

const unsized = [];   // views where Material never sized a visible sidebar (reported, not hidden)

async function open(page, url, {width = 1280, scheme = 'light'} = {}) {
  await page.setViewport({width, height: 800});
  await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: scheme}]);
  await page.goto(url, {waitUntil: 'load'});
  // Final states only: no transitions, so a box is measured where it ends up.
  await page.addStyleTag({content: '*, *::before, *::after { transition: none !important; animation: none !important; }'});
  await page.evaluate(pageHelpers);
  // Material sizes the scroll areas of the sidebars beside the text (sticky; below 1220 px the
  // navigation is a fixed drawer instead) in an animation frame after load. A keyboard walk before
  // that finds the lower links of a long table of contents off screen (seen in loaded test runs).
  const sized = await page.waitForFunction(() => [...document.querySelectorAll('.md-sidebar__scrollwrap')]
    .filter(w => w.getClientRects().length && getComputedStyle(w.closest('.md-sidebar')).position === 'sticky')
    .every(w => w.style.height !== ''), {polling: 'raf', timeout: 10000})
    .then(() => true, () => false);
  if (!sized) unsized.push(url);
  // Material follows the system scheme only when nothing is stored; make sure through its own switch.
  const want = scheme === 'dark' ? 'slate' : 'default';
  const shown = () => page.evaluate(() => document.body.getAttribute('data-md-color-scheme'));
  const switchable = await page.evaluate(() => !!document.querySelector('input[name="__palette"]'));
  if (switchable && await shown() !== want) { // a page without Material's switch (the slide deck) follows the system
    await page.evaluate(w => {
      const input = document.querySelector(`input[name="__palette"][data-md-color-scheme="${w}"]`);
      input.click();
    }, want);
    await page.waitForFunction(w => document.body.getAttribute('data-md-color-scheme') === w, {timeout: 3000}, want)
      .catch(() => { throw new Error(`${url}: the colour-scheme switch did not show ${want}`); });
  }
  return shown();
}

// The search field: open it by keyboard, type, look at results, leave with Escape.
async function searchState(page, url, query, scheme) {
  await open(page, url, {scheme});
  await page.keyboard.press('Shift');
  const input = await page.$('.md-search__input');
  await input.focus();
  await page.keyboard.type(query, {delay: 5});
  await page.keyboard.press('End');
  await page.waitForSelector('.md-search-result__item', {timeout: 8000});
  const info = await page.evaluate(() => {
    const k = window.__kit;
    const meta = document.querySelector('.md-search-result__meta');
    const marks = [...document.querySelectorAll('.md-search-result mark')].slice(0, 5);
    return {meta: meta.textContent.trim(), metaRatio: k.contrastOf(meta),
      metaLive: !!meta.closest('[aria-live], [role="status"]'),
      marksLow: marks.map(m => k.contrastOf(m)).filter(r => r < 4.5).map(r => r.toFixed(2))};
  });
  info.axe = await runAxe(page, '.md-search');
  await page.keyboard.press('Escape');
  await new Promise(r => setTimeout(r, 150));
  info.afterEscape = await page.evaluate(() => ({focus: window.__kit.describe(document.activeElement),
    onSearch: !!(document.activeElement && document.activeElement.closest('.md-search, label[for="__search"], [data-kit-toggle="__search"]')),
    open: document.getElementById('__search').checked}));
  return info;
}

// The language menu: opened by hover and by keyboard, dismissed with Escape (WCAG 1.4.13).
async function languageMenu(page, url) {
  await open(page, url);
  const shown = () => page.evaluate(() => {
    const inner = document.querySelector('.md-select__inner');
    const cs = getComputedStyle(inner);
    return cs.visibility === 'visible' && Number(cs.opacity) > 0 && cs.display !== 'none';
  });
  const out = {};
  await page.hover('.md-select');
  await new Promise(r => setTimeout(r, 300));
  out.hoverOpens = await shown();
  await page.keyboard.press('Escape');
  await new Promise(r => setTimeout(r, 300));
  out.hoverEscapeCloses = !(await shown());
  await page.mouse.move(1, 790);
  await page.keyboard.press('Shift');
  await page.focus('.md-select button');
  await page.keyboard.press('Enter');
  await new Promise(r => setTimeout(r, 300));
  out.keyboardOpens = await shown();
  out.axeOpen = out.keyboardOpens ? await runAxe(page, '.md-header') : [];
  await page.keyboard.press('Escape');
  await new Promise(r => setTimeout(r, 300));
  out.keyboardEscapeCloses = !(await shown());
  out.focusAfterEscape = await page.evaluate(() => window.__kit.describe(document.activeElement));
  return out;
}

// The colour-scheme switch: the focused radio's name and the scheme on screen.
async function palette(page, url, scheme) {
  const shown = await open(page, url, {scheme});
  return page.evaluate(s => {
    const checked = document.querySelector('input[name="__palette"]:checked') ||
      document.querySelector('input[name="__palette"]');
    return {scheme: s, name: checked.getAttribute('aria-label') || (checked.labels[0] || {}).textContent,
      optionScheme: checked.getAttribute('data-md-color-scheme')};
  }, shown);
}

// Below 1220 px the navigation is a drawer: its button must be reachable and work by keyboard.
async function drawer(page, url, width) {
  await open(page, url, {width});
  const out = {reached: false, opens: false, focusInside: false, escapeCloses: false};
  for (let i = 0; i < 15 && !out.reached; i++) {
    await page.keyboard.press('Tab');
    out.reached = await page.evaluate(() => {
      const el = document.activeElement;
      return !!el && (el.getAttribute('for') === '__drawer' || el.getAttribute('data-kit-toggle') === '__drawer');
    });
  }
  if (!out.reached) return out;
  await page.keyboard.press('Enter');
  await new Promise(r => setTimeout(r, 400));
  out.opens = await page.evaluate(() => document.getElementById('__drawer').checked);
  await page.keyboard.press('Tab');
  out.focusInside = await page.evaluate(() => !!document.activeElement.closest('.md-sidebar--primary') &&
    window.__kit.onScreen(document.activeElement));
  await page.keyboard.press('Escape');
  await new Promise(r => setTimeout(r, 400));
  out.escapeCloses = await page.evaluate(() => !document.getElementById('__drawer').checked);
  return out;
}

(async () => {
  const browser = await launch(cfg.chromium);
  const page = await browser.newPage();
  await page.setBypassCSP(true); // the test's own style tag (no transitions) under the site's CSP
  // Each visit starts without a stored colour scheme, so the emulated system scheme applies.
  await page.evaluateOnNewDocument(() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  const timings = {};
  const result = {pages: {}, search: {}, languageMenu: {}, palette: [], drawer: {}, errors, timings, unsized};
  for (const p of cfg.pages) {
    const url = cfg.base + p.path;
    const r = result.pages[p.path] = {lang: p.lang, views: {}};
    for (const view of p.views) {
      const [width, scheme] = view.split('-');
      const t0 = Date.now();
      const shown = await open(page, url, {width: Number(width), scheme});
      timings.goto = (timings.goto || 0) + Date.now() - t0;
      const v = r.views[view] = {scheme: shown};
      let t = Date.now();
      const tick = name => { timings[name] = (timings[name] || 0) + Date.now() - t; t = Date.now(); };
      tick('open');
      v.stops = await walkStops(page); tick('stops');
      if (view === '1280-light') { v.languageOfParts = await languageOfParts(page); tick('lang'); }
      if (width === '1280') { v.hoverLow = await hoverContrast(page); tick('hover'); }
      if ((scheme === 'dark' && p.axe) || (p.path.endsWith('404.html') && width === '1280')) { v.axe = await runAxe(page); tick('axe'); }
    }
  }
  for (const [lang, home, query] of cfg.search) {
    for (const scheme of ['light', 'dark']) {
      result.search[`${lang}-${scheme}`] = await searchState(page, cfg.base + home, query, scheme);
    }
    result.languageMenu[lang] = await languageMenu(page, cfg.base + home);
    for (const scheme of ['light', 'dark']) result.palette.push(Object.assign({lang}, await palette(page, cfg.base + home, scheme)));
    for (const width of [320, 1024]) result.drawer[`${lang}-${width}`] = await drawer(page, cfg.base + home, width);
  }
  console.log(JSON.stringify(result));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
