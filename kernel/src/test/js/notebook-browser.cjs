// Drives the classic Notebook UI in headless Chromium (Debian /usr/bin/chromium via npm
// playwright-core from peers/): opens a notebook on the Frontier Java kernel, runs all cells,
// reads the printed text and the HTML display off the page, and saves a screenshot.
// usage: node notebook-browser.cjs URL SCREENSHOT.png
const path = require('path');
const { createRequire } = require('module');
const peers = createRequire(path.resolve(__dirname, '../../../../peers/package.json'));
const { chromium } = peers('playwright-core');

async function main() {
  const [url, screenshot] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const result = { printed: null, html: null };
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (m) => { if (m.type() === 'error') console.error('page console:', m.text()); });
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    // the kernel is ready when the indicator says idle
    await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: 90000 });
    await page.click('#celllink');
    await page.click('#run_all_cells > a');
    const printed = await page.waitForSelector('.output_subarea.output_stdout', { timeout: 90000 });
    await page.waitForFunction(() => {
      const el = document.querySelector('.output_subarea.output_stdout');
      return el && el.innerText.includes('printed from Java');
    }, null, { timeout: 60000 });
    result.printed = (await printed.innerText()).trim();
    const html = await page.waitForSelector('.output_html #frontier-html', { timeout: 90000 });
    result.html = (await html.innerText()).trim();
    result.htmlTag = await html.evaluate((e) => e.tagName.toLowerCase());
    await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: 60000 });
    await page.screenshot({ path: screenshot, fullPage: true });
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(result));
}

main().catch((e) => { console.error(e); process.exit(1); });
