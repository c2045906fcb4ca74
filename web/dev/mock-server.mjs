#!/usr/bin/env node
// A stand-in for `dyad serve` (docs/api.md) with fixed sample data, to try the
// dashboard and run its tests without the C++ server. Plain Node, no
// dependencies. Serves web/dist/ at / and every endpoint of the API.
//
//   node dev/mock-server.mjs [--port 8080] [--host 127.0.0.1] [--delay MS]
//
// As a module: `const { url, close } = await startMockServer({ port: 0 })`.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CAMEO, EVENTS, PLACES } from "./mock-data.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_DIST = resolve(HERE, "..", "dist");
const MAX_BODY = 1 << 20;
const MAX_QUERY = 8 << 10;
const MAX_LIMIT = 1000;

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

// ---------------------------------------------------------------- parameters

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{3}$/;

function dateParam(params, name) {
  const v = params.get(name);
  if (v === null || v === "") return null;
  if (!DATE.test(v) || Number.isNaN(Date.parse(v + "T00:00:00Z"))) throw new HttpError(400, `${name}: expected YYYY-MM-DD`);
  return v;
}

function countryParam(params, name) {
  const v = params.get(name);
  if (v === null || v === "") return null;
  const code = v.toUpperCase();
  if (!COUNTRY.test(code)) throw new HttpError(400, `${name}: expected a country code (ISO 3166-1 alpha-3)`);
  return code;
}

function dyadParam(params) {
  const v = params.get("dyad");
  if (v === null || v === "") return null;
  const parts = v.toUpperCase().split(",");
  if (parts.length !== 2 || !parts.every((p) => COUNTRY.test(p))) throw new HttpError(400, "dyad: expected two country codes, e.g. ARM,AZE");
  return parts;
}

function intParam(params, name, min, max, fallback) {
  const v = params.get(name);
  if (v === null || v === "") return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new HttpError(400, `${name}: expected an integer from ${min} to ${max}`);
  return n;
}

function byParam(params) {
  const by = params.get("by") || "week";
  if (!["day", "week", "month"].includes(by)) throw new HttpError(400, "by: expected day, week or month");
  return by;
}

function bboxParam(params) {
  const v = params.get("bbox");
  if (v === null || v === "") return null;
  const parts = v.split(",").map(Number);
  if (parts.length !== 4 || !parts.every(Number.isFinite) || parts[0] > parts[2] || parts[1] > parts[3]) {
    throw new HttpError(400, "bbox: expected minLon,minLat,maxLon,maxLat");
  }
  return parts;
}

function cursorParam(params) {
  const v = params.get("cursor");
  if (v === null || v === "") return 0;
  const decoded = Buffer.from(v, "base64").toString("utf8");
  if (!/^\d+$/.test(decoded)) throw new HttpError(400, "cursor: not a cursor from this server");
  return Number(decoded);
}

// ---------------------------------------------------------------- queries

function publicEvent(e) {
  const { mentions, ...rest } = e;
  return rest;
}

function matchesDyad(e, dyad) {
  const s = e.source?.country;
  const t = e.target?.country;
  return (s === dyad[0] && t === dyad[1]) || (s === dyad[1] && t === dyad[0]);
}

function filterEvents(params) {
  const actor = countryParam(params, "actor");
  const dyad = dyadParam(params);
  const source = countryParam(params, "source");
  const target = countryParam(params, "target");
  const cameo = params.get("cameo");
  if (cameo && !/^\d{2,4}$/.test(cameo)) throw new HttpError(400, "cameo: expected a CAMEO code or prefix");
  const root = params.get("root");
  if (root && !/^\d{2}$/.test(root)) throw new HttpError(400, "root: expected two digits");
  const plover = params.get("plover");
  const quad = intParam(params, "quad", 1, 4, null);
  const since = dateParam(params, "since");
  const until = dateParam(params, "until");
  const bbox = bboxParam(params);
  const q = (params.get("q") || "").trim().toLowerCase();
  return EVENTS.filter((e) => {
    if (actor && e.source?.country !== actor && e.target?.country !== actor) return false;
    if (dyad && !matchesDyad(e, dyad)) return false;
    if (source && e.source?.country !== source) return false;
    if (target && e.target?.country !== target) return false;
    if (cameo && !e.cameo.startsWith(cameo)) return false;
    if (root && e.root !== root) return false;
    if (plover && e.plover?.event !== plover.toUpperCase()) return false;
    if (quad && e.quad_class !== quad) return false;
    if (since && (e.date ?? "") < since) return false;
    if (until && (e.date ?? "") > until) return false;
    if (bbox) {
      if (!e.place) return false;
      const { lon, lat } = e.place;
      if (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3]) return false;
    }
    if (q && !e.mentions.some((m) => m.sentence.toLowerCase().includes(q))) return false;
    return true;
  });
}

function eventsEndpoint(params) {
  const limit = intParam(params, "limit", 1, MAX_LIMIT, 100);
  const offset = cursorParam(params);
  const matched = filterEvents(params);
  const page = matched.slice(offset, offset + limit).map(publicEvent);
  const next = offset + limit < matched.length ? Buffer.from(String(offset + limit)).toString("base64") : null;
  return { events: page, next_cursor: next };
}

const DAY = 86_400_000;
const days = (d) => Math.round(Date.parse(d + "T00:00:00Z") / DAY);
const iso = (n) => new Date(n * DAY).toISOString().slice(0, 10);

function periodStart(date, by) {
  const n = days(date);
  if (by === "day") return iso(n);
  if (by === "week") return iso(n - ((new Date(n * DAY).getUTCDay() + 6) % 7));
  return date.slice(0, 7) + "-01";
}

function nextStart(start, by) {
  if (by === "day") return iso(days(start) + 1);
  if (by === "week") return iso(days(start) + 7);
  const d = new Date(start + "T00:00:00Z");
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

function seriesOf(events, by) {
  const dated = events.filter((e) => e.date && DATE.test(e.date));
  if (dated.length === 0) return [];
  const buckets = new Map();
  for (const e of dated) {
    const start = periodStart(e.date, by);
    if (!buckets.has(start)) buckets.set(start, []);
    buckets.get(start).push(e);
  }
  const starts = [...buckets.keys()].sort();
  const out = [];
  for (let start = starts[0]; start <= starts[starts.length - 1]; start = nextStart(start, by)) {
    const list = buckets.get(start) ?? [];
    const count = (q) => list.filter((e) => e.quad_class === q).length;
    const sum = list.reduce((a, e) => a + e.goldstein, 0);
    const conflict = count(3) + count(4);
    out.push({
      period: by === "month" ? start.slice(0, 7) : start,
      start,
      events: list.length,
      verbal_cooperation: count(1),
      material_cooperation: count(2),
      verbal_conflict: count(3),
      material_conflict: count(4),
      material_conflict_mentions: list.filter((e) => e.quad_class === 4).reduce((a, e) => a + e.num_mentions, 0),
      goldstein_sum: Math.round(sum * 100) / 100,
      goldstein_mean: list.length ? Math.round((sum / list.length) * 100) / 100 : 0,
      conflict_share: list.length ? Math.round((conflict / list.length) * 1000) / 1000 : 0,
    });
  }
  return out;
}

function seriesEndpoint(params) {
  const dyad = dyadParam(params);
  const actor = countryParam(params, "actor");
  if (!dyad && !actor) throw new HttpError(400, "series: give dyad=ABC,XYZ or actor=ABC");
  const by = byParam(params);
  return { by, series: seriesOf(filterEvents(params), by) };
}

function dyadKey(e) {
  const s = e.source?.country;
  const t = e.target?.country;
  if (!s || !t || s === t) return null;
  return [s, t].sort().join("-");
}

function alertsEndpoint(params) {
  const dyad = dyadParam(params);
  const by = byParam(params);
  const window = intParam(params, "window", 2, 520, 8);
  const thresholdText = params.get("threshold");
  const threshold = thresholdText ? Number(thresholdText) : 3;
  if (!Number.isFinite(threshold)) throw new HttpError(400, "threshold: expected a number");
  const minEvents = intParam(params, "min_events", 0, 1_000_000, 1);
  const keys = new Set(EVENTS.map(dyadKey).filter(Boolean));
  const wanted = dyad ? [...dyad].sort().join("-") : null;
  const alerts = [];
  for (const key of [...keys].sort()) {
    if (wanted && key !== wanted) continue;
    const series = seriesOf(EVENTS.filter((e) => dyadKey(e) === key), by);
    series.forEach((p, i) => {
      if (i < window || p.material_conflict < minEvents) return;
      const prev = series.slice(i - window, i).map((x) => x.material_conflict_mentions);
      const mean = prev.reduce((a, b) => a + b, 0) / window;
      const sd = Math.sqrt(prev.reduce((a, b) => a + (b - mean) ** 2, 0) / window);
      const value = p.material_conflict_mentions;
      const z = (value - mean) / Math.max(sd, 1);
      if (z < threshold) return;
      alerts.push({
        dyad: key,
        period: p.period,
        value,
        mean: Math.round(mean * 100) / 100,
        sd: Math.round(sd * 100) / 100,
        z: Math.round(z * 10) / 10,
        why:
          `${value} mentions of material conflict (${p.material_conflict} events; ${p.events} events in all) ` +
          `against a mean of ${mean.toFixed(2)} (sd ${sd.toFixed(2)}) over the previous ${window} periods: ` +
          `z = ${z.toFixed(1)} >= ${threshold.toFixed(1)}; Goldstein sum ${p.goldstein_sum.toFixed(1)}`,
      });
    });
  }
  return { alerts };
}

function dyadsEndpoint() {
  const counts = new Map();
  for (const e of EVENTS) {
    const key = dyadKey(e);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const dyads = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, events]) => {
      const [a, b] = key.split("-");
      return { a, b, events };
    });
  return { dyads };
}

function actorsEndpoint(params) {
  const limit = intParam(params, "limit", 1, MAX_LIMIT, 100);
  const map = new Map();
  const get = (c) => {
    if (!map.has(c)) map.set(c, { country: c, events: 0, as_source: 0, as_target: 0 });
    return map.get(c);
  };
  for (const e of EVENTS) {
    const s = e.source?.country;
    const t = e.target?.country;
    if (s) get(s).as_source++;
    if (t) get(t).as_target++;
    for (const c of new Set([s, t].filter(Boolean))) get(c).events++;
  }
  const actors = [...map.values()].sort((a, b) => b.events - a.events || a.country.localeCompare(b.country)).slice(0, limit);
  return { actors };
}

function healthEndpoint() {
  const dates = EVENTS.map((e) => e.date).filter(Boolean).sort();
  const reports = new Set(EVENTS.flatMap((e) => e.mentions.map((m) => m.report.doc_id)));
  return {
    status: "ok",
    events: EVENTS.length,
    reports: reports.size,
    first_date: dates[0] ?? null,
    last_date: dates[dates.length - 1] ?? null,
    schema: 1,
  };
}

function eventEndpoint(idText) {
  if (!/^\d+$/.test(idText)) throw new HttpError(400, "id: expected an integer");
  const e = EVENTS.find((x) => x.id === Number(idText));
  if (!e) throw new HttpError(404, `no event ${idText}`);
  return e;
}

// ---------------------------------------------------------------- a toy coder for POST /api/code

const ACTORS = [
  ["Azerbaijani special forces", "AZEMIL"], ["Azerbaijani forces", "AZEMIL"], ["Azerbaijani troops", "AZEMIL"],
  ["Azerbaijani positions", "AZEMIL"], ["Azerbaijani artillery", "AZEMIL"], ["Azerbaijan's army", "AZEMIL"],
  ["Armenian forces", "ARMMIL"], ["Armenian troops", "ARMMIL"], ["Armenian positions", "ARMMIL"],
  ["Armenian artillery", "ARMMIL"], ["Armenian units", "ARMMIL"],
  ["Russian forces", "RUSMIL"], ["Russian troops", "RUSMIL"], ["Ukrainian forces", "UKRMIL"], ["Ukrainian troops", "UKRMIL"],
  ["Azerbaijan", "AZEGOV"], ["Armenia", "ARMGOV"], ["Russia", "RUSGOV"], ["Ukraine", "UKRGOV"], ["Turkey", "TURGOV"],
  ["Baku", "AZEGOV"], ["Yerevan", "ARMGOV"], ["Moscow", "RUSGOV"], ["Kyiv", "UKRGOV"], ["Ankara", "TURGOV"],
  ["Pashinyan", "ARMGOV"], ["Aliyev", "AZEGOV"], ["Putin", "RUSGOV"], ["Zelensky", "UKRGOV"],
];

const TRIGGERS = [
  ["launched an offensive", "190"], ["agreed to a ceasefire", "0871"], ["returned fire", "190"],
  ["shelled", "194"], ["attacked", "190"], ["struck", "195"], ["bombed", "195"], ["fought", "193"],
  ["accused", "112"], ["condemned", "111"], ["criticized", "111"], ["threatened", "138"],
  ["met", "040"], ["signed", "057"], ["blocking", "191"], ["blocked", "191"], ["sent aid", "073"],
];

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function findAll(sentence, phrases) {
  const hits = [];
  for (const [text, value] of phrases) {
    const re = new RegExp(`\\b${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g");
    for (const m of sentence.matchAll(re)) hits.push({ text, value, index: m.index, end: m.index + text.length });
  }
  // Longest first, then drop hits that overlap a kept one.
  hits.sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  const kept = [];
  for (const h of hits) if (!kept.some((k) => h.index < k.end && k.index < h.end)) kept.push(h);
  return kept.sort((a, b) => a.index - b.index);
}

function bytes(sentence, index, end) {
  const b = Buffer.byteLength(sentence.slice(0, index), "utf8");
  return [b, b + Buffer.byteLength(sentence.slice(index, end), "utf8")];
}

function codeText(text, reportDate, docId, url, publisher) {
  const out = [];
  const sentences = [...text.matchAll(/[^.!?\n]+[.!?]*/g)].map((m) => m[0].trim()).filter(Boolean);
  sentences.forEach((sentence, sentenceIndex) => {
    const placeHits = [];
    for (const m of sentence.matchAll(/\b(?:in|near|at|toward|around|of)\s+([A-Z][\w'-]+(?:\s+Corridor)?)/g)) {
      const name = m[1];
      if (PLACES[name]) {
        const index = m.index + m[0].length - name.length;
        placeHits.push({ name, index, end: index + name.length });
      }
    }
    const actors = findAll(sentence, ACTORS).filter((a) => !placeHits.some((p) => p.index === a.index));
    const triggers = findAll(sentence, TRIGGERS);
    const dateHit = /\b(?:on\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today)\b/.exec(sentence);
    let n = 0;
    for (const trig of triggers) {
      const source = [...actors].reverse().find((a) => a.end <= trig.index);
      if (!source) continue;
      const target = actors.find((a) => a.index >= trig.end && a.value.slice(0, 3) !== source.value.slice(0, 3)) ?? null;
      const info = CAMEO[trig.value];
      let date = reportDate;
      let dateSpan = null;
      if (dateHit && reportDate) {
        const base = days(reportDate);
        if (dateHit[1]) {
          const wanted = WEEKDAYS.indexOf(dateHit[1]);
          const today = new Date(base * DAY).getUTCDay();
          date = iso(base - ((today - wanted + 7) % 7));
        } else if (dateHit[0] === "yesterday") {
          date = iso(base - 1);
        }
        dateSpan = bytes(sentence, dateHit.index, dateHit.index + dateHit[0].length);
      }
      const place = placeHits[0] ?? null;
      const actorObj = (a) =>
        a && { text: a.text, code: a.value, country: a.value.slice(0, 3), sector: a.value.slice(3) || null, span: bytes(sentence, a.index, a.end) };
      out.push({
        event_id: `${docId}-${sentenceIndex}-${n++}`,
        doc_id: docId,
        sentence_index: sentenceIndex,
        sentence,
        date: date ?? null,
        date_precision: date ? "day" : null,
        date_span: dateSpan,
        source: actorObj(source),
        target: actorObj(target),
        cameo: trig.value,
        cameo_name: info.name,
        plover: info.plover,
        goldstein: info.goldstein,
        quad_class: info.quad,
        location: place ? { ...PLACES[place.name], span: bytes(sentence, place.index, place.end) } : null,
        trigger: { text: trig.text, span: bytes(sentence, trig.index, trig.end) },
        hypothetical: false,
        url: url ?? null,
        publisher: publisher ?? null,
      });
    }
  });
  return out;
}

function parseReport(body) {
  let report;
  try {
    report = JSON.parse(body);
  } catch {
    throw new HttpError(400, "body: expected JSON");
  }
  if (!report || typeof report !== "object" || Array.isArray(report)) throw new HttpError(400, "body: expected a JSON object");
  if (typeof report.text !== "string" || report.text.trim() === "") throw new HttpError(400, "text: required");
  if (report.date !== undefined && report.date !== null && (typeof report.date !== "string" || !DATE.test(report.date))) {
    throw new HttpError(400, "date: expected YYYY-MM-DD");
  }
  return report;
}

function codeEndpoint(body) {
  const report = parseReport(body);
  return { events: codeText(report.text, report.date ?? null, report.id ?? "report", report.url, report.source) };
}

// ---------------------------------------------------------------- HTTP

const ROUTES = [
  { path: /^\/healthz$/, methods: ["GET"], run: () => healthEndpoint() },
  { path: /^\/api\/events$/, methods: ["GET"], run: ({ params }) => eventsEndpoint(params) },
  { path: /^\/api\/events\/([^/]+)$/, methods: ["GET"], run: ({ match }) => eventEndpoint(decodeURIComponent(match[1])) },
  { path: /^\/api\/actors$/, methods: ["GET"], run: ({ params }) => actorsEndpoint(params) },
  { path: /^\/api\/series$/, methods: ["GET"], run: ({ params }) => seriesEndpoint(params) },
  { path: /^\/api\/alerts$/, methods: ["GET"], run: ({ params }) => alertsEndpoint(params) },
  { path: /^\/api\/dyads$/, methods: ["GET"], run: () => dyadsEndpoint() },
  { path: /^\/api\/code$/, methods: ["POST"], run: ({ body }) => codeEndpoint(body) },
  {
    path: /^\/api\/ingest$/,
    methods: ["POST"],
    run: () => {
      throw new HttpError(403, "the server is read-only: start it with --allow-ingest --token TOKEN");
    },
  },
];

function send(res, status, body, type = "application/json") {
  const data = typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(data) });
  res.end(res.req.method === "HEAD" ? undefined : data);
}

function sendError(res, status, message) {
  send(res, status, { error: { status, message } });
}

function readBody(req) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, `body: more than ${MAX_BODY} bytes`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolveBody(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function serveStatic(req, res, dist, pathname) {
  if (req.method !== "GET" && req.method !== "HEAD") throw new HttpError(405, `${req.method} is not allowed here`);
  const relative = pathname === "/" ? "index.html" : decodeURIComponent(pathname).replace(/^\/+/, "");
  const file = normalize(join(dist, relative));
  if (!file.startsWith(dist + sep)) throw new HttpError(404, `no such path: ${pathname}`);
  let info;
  try {
    info = await stat(file);
  } catch {
    if (pathname === "/") throw new HttpError(500, `the dashboard is not built: run npm run build in web/ (no ${file})`);
    throw new HttpError(404, `no such path: ${pathname}`);
  }
  if (!info.isFile()) throw new HttpError(404, `no such path: ${pathname}`);
  send(res, 200, await readFile(file), TYPES[extname(file)] ?? "application/octet-stream");
}

export function startMockServer({ port = 0, host = "127.0.0.1", dist = DEFAULT_DIST, delay = 0, log = false } = {}) {
  const root = resolve(dist);
  const server = createServer(async (req, res) => {
    const started = Date.now();
    try {
      const [pathname, query = ""] = (req.url ?? "/").split("?", 2);
      if (Buffer.byteLength(query) > MAX_QUERY) throw new HttpError(414, `query string: more than ${MAX_QUERY} bytes`);
      const params = new URLSearchParams(query);
      const route = ROUTES.map((r) => ({ r, match: r.path.exec(pathname) })).find((x) => x.match);
      if (!route) {
        if (pathname.startsWith("/api/")) throw new HttpError(404, `no such path: ${pathname}`);
        await serveStatic(req, res, root, pathname);
      } else {
        const { r, match } = route;
        if (!r.methods.includes(req.method) && !(req.method === "HEAD" && r.methods.includes("GET"))) {
          throw new HttpError(405, `${req.method} is not allowed for ${pathname} (use ${r.methods.join(", ")})`);
        }
        const body = req.method === "POST" ? await readBody(req) : "";
        const answer = r.run({ params, match, body });
        if (delay > 0) await new Promise((ok) => setTimeout(ok, delay));
        send(res, 200, answer);
      }
    } catch (e) {
      if (e instanceof HttpError) sendError(res, e.status, e.message);
      else {
        console.error(e);
        sendError(res, 500, "internal error");
      }
    }
    if (log) console.log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${address.port}/`;
      ok({ server, url, port: address.port, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

// Check the sample data once at load: every span names its text.
for (const e of EVENTS) {
  for (const m of e.mentions) {
    for (const key of ["trigger", "source", "target", "date", "place"]) {
      const s = m[key];
      if (s && Buffer.from(m.sentence, "utf8").subarray(s.span[0], s.span[1]).toString("utf8") !== s.text) {
        throw new Error(`mock data: bad ${key} span in event ${e.id}`);
      }
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
  };
  const { url } = await startMockServer({
    port: Number(opt("port", process.env.PORT ?? 8080)),
    host: opt("host", "127.0.0.1"),
    dist: opt("dist", DEFAULT_DIST),
    delay: Number(opt("delay", process.env.MOCK_DELAY_MS ?? 0)),
    log: args.includes("--log"),
  });
  console.log(`mock dyad server: ${url}`);
}
