// Puppeteer must not download its own browser: the kit uses Debian's chromium.
module.exports = { skipDownload: true };
