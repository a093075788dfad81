// Opens a standalone view page in headless Chromium (Debian's /usr/bin/chromium driven by
// npm playwright-core from peers/), screenshots the 3D canvas, drags the mouse across it and
// screenshots again. Prints one JSON line with what the page reported; the JUnit test checks
// the pictures. Usage: node screenshot.cjs PAGE.html OUT_PREFIX
const { chromium } = require('playwright-core');

(async () => {
  const [page, out] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  const result = { errors: [] };
  const t0 = Date.now();
  const lap = (what) => console.error(`${what} after ${Date.now() - t0} ms`);
  try {
    const p = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    p.on('pageerror', (e) => result.errors.push(String(e)));
    p.on('console', (m) => { if (m.type() === 'error') result.errors.push(m.text()); });
    // no network at all: the page must be self-contained
    await p.route('**/*', (r) => (r.request().url().startsWith('file:') || r.request().url().startsWith('data:') ? r.continue() : r.abort()));
    lap('browser started');
    await p.goto('file://' + page);
    lap('page loaded');
    const root = p.locator('.frontier-view').first();
    await p.waitForFunction(() => {
      const r = document.querySelector('.frontier-view');
      return r && (r.getAttribute('data-rendered') || r.getAttribute('data-error') || (r.querySelector('.fv-status') || {}).textContent);
    }, null, { timeout: 30000 });
    lap('first frame');
    await p.waitForTimeout(300);
    result.rendered = await root.getAttribute('data-rendered');
    result.error = await root.getAttribute('data-error');
    result.status = await p.evaluate(() => (document.querySelector('.fv-status') || {}).textContent || '');
    const canvas = p.locator('canvas.fv-3d');
    await p.screenshot({ path: out + '-page.png' });
    await canvas.screenshot({ path: out + '-before.png' });
    lap('screenshots');
    const box = await canvas.boundingBox();
    result.box = box;
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    await p.mouse.move(cx, cy);
    await p.mouse.down();
    for (let i = 1; i <= 4; i++) await p.mouse.move(cx + i * 30, cy + i * 10);
    await p.mouse.up();
    await p.waitForTimeout(300);
    await p.waitForFunction(() => !document.querySelector('.frontier-view').viewer.quick, null, { timeout: 30000 }).catch(() => {});
    await p.waitForTimeout(200);
    lap('dragged');
    await canvas.screenshot({ path: out + '-after.png' });
    result.renderedAfter = await root.getAttribute('data-rendered');
    // composite (alpha) rendering from the start position
    await p.getByText('reset view').click();
    await p.selectOption('select.fv-mode', '1');
    await p.waitForTimeout(300);
    await p.waitForFunction(() => !document.querySelector('.frontier-view').viewer.quick, null, { timeout: 30000 }).catch(() => {});
    await canvas.screenshot({ path: out + '-composite.png' });
    lap('composite');
    const slice = p.locator('canvas.fv-slice-z');
    await slice.screenshot({ path: out + '-slice-z.png' });
  } catch (e) {
    result.errors.push(String(e && e.stack || e));
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(result));
})();
