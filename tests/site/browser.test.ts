/**
 * The site in a real browser: Debian's Chromium (/usr/bin/chromium) driven by playwright-core,
 * against the bundled catalogue served by `tthc serve`'s server on localhost. Without Chromium these
 * are skipped with one line saying so, unless TTHC_REQUIRE_BROWSER=1 (which .ci/run sets, after
 * installing Chromium): then a missing browser fails them. TTHC_SKIP_BROWSER=1 skips them on purpose.
 * Screenshots at phone and desktop widths are kept in test-artifacts/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../generators/build.js';
import { startStaticServer, type StaticServer } from '../../cli/serve/server.js';
import { REPO, runTthc } from '../helpers/cli.js';
import { cleanupOutputs, makeOutputRoot } from '../helpers/output.js';

// TTHC_CHROMIUM points at another build of Chromium (and lets the skip be tried on a machine that has one).
const CHROMIUM = process.env.TTHC_CHROMIUM ?? '/usr/bin/chromium';
const REQUIRED = process.env.TTHC_REQUIRE_BROWSER === '1';
const SKIP = !REQUIRED && (process.env.TTHC_SKIP_BROWSER === '1' || !existsSync(CHROMIUM));
if (SKIP) {
  const why = process.env.TTHC_SKIP_BROWSER === '1' ? 'TTHC_SKIP_BROWSER=1 is set' : `Chromium is not at ${CHROMIUM}`;
  console.warn(`SKIPPED the site's browser tests (tests/site/browser.test.ts): ${why}. To run them: apt-get install -y chromium, then npm test (TTHC_REQUIRE_BROWSER=1 makes a missing browser a failure, as in CI).`);
}

const ARTIFACTS = path.join(REPO, 'test-artifacts');
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

let server: StaticServer;
let context: BrowserContext;
let profile: string;
const problems: string[] = [];

/** A page that records script errors and any request that would leave localhost. */
async function open(rel: string, viewport = DESKTOP): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.on('pageerror', (e) => problems.push(`${rel}: ${e.message}`));
  // The server's Content-Security-Policy: anything of the site's own that it blocks is a problem.
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) problems.push(`${rel}: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) problems.push(`${rel}: requested ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${rel}: ${r.status()} for ${r.url()}`);
  });
  await page.goto(`${server.url}${rel}`);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect((await stat(file)).size).toBeGreaterThan(5_000);
}

// axe-core's browser build, run in the page through the DevTools protocol (so the site's CSP, script-src 'self', does not stop it).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's findings on the page as it is now (every rule axe runs by default: WCAG 2.x A and AA, and best practices), one line each. */
async function axeFindings(page: Page, label: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => String(n.target.join(' '))) }));
  });
  return violations.flatMap((v) => v.targets.map((t) => `${label}: ${v.id} at ${t}`));
}

/** Nothing sticks out sideways: the page is usable without horizontal scrolling. */
async function fitsWidth(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

describe.skipIf(SKIP)('the site in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`TTHC_REQUIRE_BROWSER=1 and Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium).`);
    const out = path.join(await makeOutputRoot(), 'build');
    const result = await buildCatalogue(path.join(REPO, 'catalogue'), { out, at: '2026-03-01', cacheDir: false });
    expect(result.built).toBe(true);
    server = await startStaticServer({ root: path.join(out, 'site'), port: 0 });
    profile = await mkdtemp(path.join(tmpdir(), 'tthc-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      timeout: 30_000,
    });
    await mkdir(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    await cleanupOutputs();
  });

  it('finds birth registration typed without diacritics, and opens it', async () => {
    const page = await open('index.html');
    await page.fill('#q', 'dang ky khai sinh');
    const first = page.locator('[data-results] li a').first();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toBe('Thủ tục đăng ký khai sinh');
    expect(await page.locator('[data-status]').textContent()).toBe('Tìm thấy 1 thủ tục.');
    await first.click();
    await page.waitForURL(/procedures\/1\.001193\.html$/);
    expect(await page.locator('h1').textContent()).toBe('Thủ tục đăng ký khai sinh');
    await page.close();
  }, 60_000);

  it('filters results: the code finds its procedure, and a filter narrows them', async () => {
    const page = await open('index.html?q=1.001193');
    await expect.poll(() => page.locator('[data-results] li a').allTextContents(), { timeout: 20_000 }).toEqual(['Thủ tục đăng ký khai sinh']);
    await page.fill('#q', 'dang ky');
    await expect.poll(async () => (await page.locator('[data-results] li a').allTextContents()).length, { timeout: 20_000 }).toBeGreaterThan(3);
    await page.locator('summary').click();
    await page.selectOption('#f-field', 'ho-tich');
    await page.selectOption('#f-fee', 'free');
    await expect.poll(() => page.locator('[data-results] li a').allTextContents(), { timeout: 20_000 }).not.toContain('Thủ tục đăng ký khai sinh');
    await page.selectOption('#f-fee', 'paid');
    await expect.poll(() => page.locator('[data-results] li a').allTextContents(), { timeout: 20_000 }).toContain('Thủ tục đăng ký khai sinh');
    expect(page.url()).toContain('field=ho-tich');
    await page.close();
  }, 60_000);

  it('computes a due date across Tết with the library code: filed Friday 24/01/2025, 3 working days → Wednesday 05/02/2025', async () => {
    const page = await open('procedures/2.002043.html');
    await page.fill('#calc-date', '2025-01-24');
    await page.click('#tinh-han button[type=submit]');
    const due = page.locator('[data-result] [data-due]');
    await expect.poll(() => due.getAttribute('data-due'), { timeout: 20_000 }).toBe('2025-02-05');
    expect(await due.locator('.due').textContent()).toBe('Thứ Tư, 05/02/2025');
    const skipped = await page.locator('[data-result] li').allTextContents();
    expect(skipped).toContain('Thứ Tư, 29/01/2025: Tết Nguyên đán (mùng 1)');
    expect(skipped).toContain('Thứ Bảy, 25/01/2025: nghỉ hằng tuần');
    expect(skipped).toHaveLength(9);
    // Handed in at 16:00 on Tuesday 04/02, after the 15:00 cut-off: received Wednesday, due Monday 10/02.
    await page.fill('#calc-date', '2025-02-04');
    await page.fill('#calc-time', '16:00');
    await page.click('#tinh-han button[type=submit]');
    await expect.poll(() => due.getAttribute('data-due'), { timeout: 20_000 }).toBe('2025-02-10');
    expect(await page.locator('[data-result]').textContent()).toContain('Hồ sơ nộp lúc 16:00, sau 15:00 (giờ tiếp nhận cuối ngày), nên được tính là tiếp nhận vào thứ Tư, 05/02/2025.');
    await shoot(page, 'procedure-calculator-desktop');
    await page.setViewportSize(PHONE);
    await fitsWidth(page, PHONE.width);
    await shoot(page, 'procedure-calculator-phone');
    await page.close();
  }, 60_000);

  it('counts with the version in force on the filing date, as tthc due does, says which, and refuses a date with none in force (issue 18 point 7)', async () => {
    // The page shows v2026 (03 working days); until 30/06/2015 the 2005 Law on Enterprises gave 10.
    const page = await open('procedures/2.001583.html');
    const due = page.locator('[data-result] [data-due]');
    const which = page.locator('[data-result] [data-version]');
    const refused = page.locator('[data-result] [data-refused]');
    const cli = async (from: string) => /Hạn giải quyết: (\d{4}-\d{2}-\d{2})/.exec((await runTthc(['due', '2.001583', '--from', from], { env: { TTHC_LANG: 'vi' } })).stdout)?.[1];
    for (const [from, said] of [
      ['2015-06-29', 'Tính theo nội dung thủ tục có hiệu lực từ ngày 01/07/2006 đến hết ngày 30/06/2015: thời hạn 10 ngày làm việc kể từ ngày nhận hồ sơ.'],
      ['2015-07-01', 'Tính theo nội dung thủ tục có hiệu lực từ ngày 01/07/2015 đến hết ngày 03/01/2021: thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ.'],
    ] as const) {
      await page.fill('#calc-date', from);
      await page.click('#tinh-han button[type=submit]');
      const expected = await cli(from);
      expect(expected).toMatch(/^2015-07-/);
      await expect.poll(() => due.getAttribute('data-due'), { timeout: 20_000 }).toBe(expected);
      expect(await which.textContent()).toBe(said);
    }
    expect(await due.getAttribute('data-due')).toBe('2015-07-06');
    // A channel the version in force that day did not have: said, not computed with the page's version.
    await page.selectOption('#calc-channel', { label: 'Dịch vụ bưu chính' });
    await page.click('#tinh-han button[type=submit]');
    await expect.poll(() => refused.textContent(), { timeout: 20_000 }).toBe('Nội dung thủ tục có hiệu lực ngày 01/07/2015 không có cách thức “Dịch vụ bưu chính”.');
    expect(await page.locator('[data-result] [data-due]').count()).toBe(0);
    await page.close();
    // Before the procedure existed, and after its repeal: no due date, the reason instead.
    const permit = await open('procedures/1.013225.html');
    await permit.fill('#calc-date', '2024-12-27');
    await permit.click('#tinh-han button[type=submit]');
    await expect.poll(() => permit.locator('[data-result] [data-refused]').textContent(), { timeout: 20_000 }).toBe('Thủ tục chưa có hiệu lực vào ngày 27/12/2024: áp dụng từ ngày 30/12/2024.');
    await permit.close();
    const record = await open('procedures/2.000488.html');
    await record.fill('#calc-date', '2026-07-02');
    await record.click('#tinh-han button[type=submit]');
    await expect.poll(() => record.locator('[data-result] [data-refused]').textContent(), { timeout: 20_000 }).toBe('Thủ tục đã bị bãi bỏ từ ngày 01/07/2026: không tính hạn cho hồ sơ nộp từ ngày đó.');
    expect((await runTthc(['due', '2.000488', '--from', '2026-07-02'])).code).not.toBe(0);
    await record.close();
  }, 90_000);

  it('says in Vietnamese when the count runs past the calendar, and the date picker offers only the calendar’s years, with no YYYY-MM-DD hint', async () => {
    const page = await open('procedures/2.002043.html');
    const date = page.locator('#calc-date');
    expect([await date.getAttribute('type'), await date.getAttribute('min'), await date.getAttribute('max')]).toEqual(['date', '2014-01-01', '2100-12-31']);
    expect(await page.locator('#tinh-han').innerText()).not.toContain('YYYY');
    // Filed Wednesday 29/12/2100, 3 working days: the count needs 01/01/2101, past the calendar (2014–2100).
    await date.fill('2100-12-29');
    await page.click('#tinh-han button[type=submit]');
    const error = page.locator('[data-result] .error');
    await expect.poll(() => error.textContent()).toBe('Lịch làm việc chỉ tính được hạn cho các năm 2014–2100; ngày 01/01/2101 nằm ngoài khoảng này.');
    expect(await error.getAttribute('data-error')).toBe('calendar.outside');
    expect(await page.locator('[data-result]').innerText()).not.toMatch(/covers|outside|working calendar/i);
    await page.close();
  }, 60_000);

  it('shows the Vietnamese error for a bad personal ID number in the form preview, a section of the procedure page', async () => {
    const page = await open('procedures/1.001193.html#to-khai');
    const input = page.locator('#f-fields-nguoiYeuCauSoDinhDanh');
    await input.fill('12345');
    await input.press('Tab');
    const error = page.locator('#f-fields-nguoiYeuCauSoDinhDanh-error');
    await expect.poll(() => error.textContent(), { timeout: 20_000 }).toBe('Số định danh cá nhân của người yêu cầu phải gồm 12 chữ số.');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await page.click('[data-form-preview] button[type=submit]');
    expect(await page.locator('[data-summary]').textContent()).toMatch(/^Tờ khai còn \d+ lỗi, hãy xem các ô được đánh dấu\.$/);
    expect(await page.locator('#f-fields-treHoTen-error').textContent()).toBe('Chưa nhập họ, chữ đệm và tên người được khai sinh.');
    await shoot(page, 'form-preview-error-desktop');
    await input.fill('001090012345');
    await input.press('Tab');
    await expect.poll(() => error.isHidden(), { timeout: 20_000 }).toBe(true);
    await page.setViewportSize(PHONE);
    await fitsWidth(page, PHONE.width);
    await page.close();
  }, 60_000);

  it('opens a change from the history on the procedure page: the link is a fragment, and its collapsed section opens', async () => {
    const page = await open('procedures/1.001193.html');
    // The anchor is the change's content, inside its <details>: following it opens the section.
    const change = page.locator('details.change:has(#thay-doi-v2023--v3)');
    expect(await change.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.click('text=Xem thay đổi so với phiên bản có hiệu lực từ ngày 01/01/2023');
    await page.waitForURL(/procedures\/1\.001193\.html#thay-doi-v2023--v3$/);
    await expect.poll(() => change.evaluate((d) => (d as HTMLDetailsElement).open), { timeout: 20_000 }).toBe(true);
    expect(await change.locator('summary').textContent()).toBe('Thay đổi áp dụng từ ngày 01/01/2026 theo Nghị quyết số 66.7/2025/NQ-CP, so với phiên bản có hiệu lực từ ngày 01/01/2023');
    expect(await change.locator('del').count()).toBeGreaterThan(0);
    expect(await change.locator('del').first().isVisible()).toBe(true);
    // The other changes stay collapsed.
    expect(await page.locator('details.change:has(#thay-doi-v1--v2)').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await shoot(page, 'change-desktop');
    await page.setViewportSize(PHONE);
    await fitsWidth(page, PHONE.width);
    await shoot(page, 'change-phone');
    await page.close();
  }, 60_000);

  it('works with the keyboard: the skip link comes first, and focus is visible', async () => {
    const page = await open('procedures/1.001193.html');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth)).toBe('3px');
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    await page.close();
  }, 60_000);

  it('fits a 360 px phone and a desktop, with screenshots kept as artefacts', async () => {
    for (const [rel, name] of [
      ['index.html?q=khai+sinh', 'home'],
      ['procedures/1.001193.html', 'procedure'],
      ['dashboard/index.html', 'dashboard'],
      ['developers/index.html', 'developers'],
    ] as const) {
      for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
        const page = await open(rel, viewport);
        await page.waitForLoadState('networkidle');
        if (size === 'phone' && rel !== 'developers/index.html') await fitsWidth(page, PHONE.width);
        await shoot(page, `${name}-${size}`);
        await page.close();
      }
    }
  }, 120_000);

  it('has no axe-core findings at 360 px and 1280 px: home, search, a procedure page, the calculator with a result, history, a change, dashboard, developer pages', async () => {
    const findings: string[] = [];
    let pages = 0;
    for (const [name, viewport] of [['360', PHONE], ['1280', DESKTOP]] as const) {
      const check = async (page: Page, label: string) => {
        await page.waitForLoadState('networkidle');
        findings.push(...(await axeFindings(page, `${label} at ${name} px`)));
        pages++;
      };
      let page = await open('index.html', viewport);
      await check(page, 'home');
      await page.close();
      page = await open('index.html?q=khai+sinh', viewport);
      await expect.poll(() => page.locator('[data-results] li a').count()).toBeGreaterThan(0);
      await check(page, 'search results');
      await page.close();
      page = await open('procedures/2.002043.html', viewport);
      await check(page, 'procedure page');
      await page.fill('#calc-date', '2025-01-24');
      await page.click('#tinh-han button[type=submit]');
      await expect.poll(() => page.locator('[data-result] [data-due]').getAttribute('data-due')).toBe('2025-02-05');
      await check(page, 'calculator with a result');
      await page.close();
      page = await open('procedures/1.001193.html#lich-su', viewport);
      await check(page, 'history');
      await page.click('text=Xem thay đổi so với phiên bản có hiệu lực từ ngày 01/01/2023');
      await expect.poll(() => page.locator('details.change:has(#thay-doi-v2023--v3)').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await check(page, 'a change (diff)');
      await page.close();
      for (const [rel, label] of [['dashboard/index.html', 'dashboard'], ['developers/index.html', 'developers'], ['developers/schemas/version.html', 'developers: a schema page']] as const) {
        page = await open(rel, viewport);
        await check(page, label);
        await page.close();
      }
    }
    expect(pages).toBe(18);
    expect(findings).toEqual([]);
  }, 180_000);

  it("the server's Content-Security-Policy is in force: a script written into a page does not run", async () => {
    // Not open(): the blocked script is the point here, not a problem of the site's.
    const page = await context.newPage();
    const response = await page.goto(`${server.url}procedures/1.001193.html`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // No 'unsafe-eval' on any page, the one with the form preview included (its checker generates no code).
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-eval');
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'document.documentElement.dataset.injected = "1"';
      document.head.append(s);
      return document.documentElement.dataset.injected ?? 'blocked';
    });
    expect(ran).toBe('blocked');
    // The site's own scripts ran under it: the calculator's form and the form preview were shown by their scripts.
    await expect.poll(() => page.locator('#tinh-han form').isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.locator('#to-khai [data-form-preview]').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.close();
  }, 60_000);

  it('loaded nothing from outside, and no page had a script error or a missing file', () => {
    expect(problems).toEqual([]);
  });
});
