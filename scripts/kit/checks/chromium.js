// Starts Debian's Chromium the way kit/checks/browser.py does (flags from chromium.json; the
// headless shell in its own mode), so every browser script of the tests and the bench agrees.
const path = require('path');
const puppeteer = require('puppeteer');
const SETTINGS = require('./chromium.json');

function launch(executablePath, extraArgs = []) {
  const shell = path.basename(executablePath).includes('headless-shell');
  return puppeteer.launch({executablePath, headless: shell ? 'shell' : true,
                           args: [...SETTINGS.flags, ...extraArgs]});
}

module.exports = {launch};
