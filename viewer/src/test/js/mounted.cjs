// Opens a page holding several views and reports, for each .frontier-view, whether the script
// mounted it and rendered a frame. Usage: node mounted.cjs PAGE.html SCREENSHOT.png
const { chromium } = require('playwright-core');

(async () => {
  const [page, shot] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  const errors = [];
  let views = [];
  try {
    const p = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.route('**/*', (r) => (/^(file|data):/.test(r.request().url()) ? r.continue() : r.abort()));
    await p.goto('file://' + page);
    await p.waitForFunction(() => [...document.querySelectorAll('.frontier-view')].every((r) => r.getAttribute('data-rendered') || r.getAttribute('data-error')), null, { timeout: 60000 }).catch((e) => errors.push(String(e)));
    views = await p.evaluate(() => [...document.querySelectorAll('.frontier-view')].map((r) => ({
      id: r.id, mounted: r.getAttribute('data-mounted'), rendered: r.getAttribute('data-rendered'), error: r.getAttribute('data-error') })));
    await p.screenshot({ path: shot, fullPage: true });
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify({ errors, views }));
})();
