// The world map: country outlines (Natural Earth via world-atlas) and the
// events that have a place, clustered on a pixel grid and coloured by QuadClass.

import { geoNaturalEarth1, geoPath, type GeoPermissibleObjects, type GeoProjection } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { EventRecord } from "./api";
import { clear, h, quadName, QUADS, s } from "./dom";

export type BBox = [number, number, number, number]; // minLon, minLat, maxLon, maxLat

export interface MapSelection {
  bbox: BBox;
  label: string;
  count: number;
}

interface Cluster {
  x: number;
  y: number;
  events: EventRecord[];
}

const CELL = 30; // px: markers closer than this on screen are drawn as one circle
const MIN_SPAN = 6; // degrees: the smallest box the map zooms to
const PAD = 16; // px

type Located = EventRecord & { place: NonNullable<EventRecord["place"]> };

/** Events that have a place with usable coordinates. */
export function located(events: EventRecord[]): Located[] {
  return events.filter(
    (e): e is Located => !!e.place && Number.isFinite(e.place.lon) && Number.isFinite(e.place.lat),
  );
}

/** The box around the markers' places, at least MIN_SPAN degrees wide and high, with a margin. */
export function markerBox(events: EventRecord[]): BBox | null {
  const placed = located(events);
  if (placed.length === 0) return null;
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const e of placed) {
    minLon = Math.min(minLon, e.place.lon);
    maxLon = Math.max(maxLon, e.place.lon);
    minLat = Math.min(minLat, e.place.lat);
    maxLat = Math.max(maxLat, e.place.lat);
  }
  const grow = (lo: number, hi: number, min: number, limit: number): [number, number] => {
    const margin = (hi - lo) * 0.15;
    lo -= margin;
    hi += margin;
    if (hi - lo < min) {
      const mid = (lo + hi) / 2;
      lo = mid - min / 2;
      hi = mid + min / 2;
    }
    return [Math.max(lo, -limit), Math.min(hi, limit)];
  };
  [minLon, maxLon] = grow(minLon, maxLon, MIN_SPAN, 180);
  [minLat, maxLat] = grow(minLat, maxLat, MIN_SPAN * 0.75, 85);
  return [minLon, minLat, maxLon, maxLat];
}

/** Radius in px of a marker for n events. */
function radius(n: number): number {
  return n === 1 ? 5.5 : Math.min(26, 7 + 3 * Math.sqrt(n));
}

function dominantQuad(events: EventRecord[]): number {
  const counts = [0, 0, 0, 0, 0];
  for (const e of events) if (e.quad_class >= 1 && e.quad_class <= 4) counts[e.quad_class]!++;
  let best = 0;
  // Ties go to the more conflictual class.
  for (let q = 1; q <= 4; q++) if (counts[q]! > 0 && counts[q]! >= counts[best]!) best = q;
  return best;
}

function clusterTitle(events: EventRecord[]): string {
  const places = new Map<string, number>();
  const quads = new Map<number, number>();
  for (const e of events) {
    places.set(e.place!.name, (places.get(e.place!.name) ?? 0) + 1);
    quads.set(e.quad_class, (quads.get(e.quad_class) ?? 0) + 1);
  }
  const placeText = [...places].sort((a, b) => b[1] - a[1]).map(([n, c]) => `${n} (${c})`).join(", ");
  const quadText = [...quads].sort((a, b) => a[0] - b[0]).map(([q, c]) => `${quadName(q)}: ${c}`).join(", ");
  const n = events.length;
  return `${n} event${n === 1 ? "" : "s"} at ${placeText}\n${quadText}\nClick to list them`;
}

export class WorldMap {
  private readonly root: HTMLElement;
  private readonly svgHost: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private countries: Feature<Geometry>[] = [];
  private events: EventRecord[] = [];
  private selected: BBox | null = null;
  private whole = false;
  private lastWidth = 0;
  onSelect: (selection: MapSelection | null) => void = () => {};

  constructor(root: HTMLElement) {
    this.root = root;
    this.svgHost = h("div", { class: "map-svg" });
    this.caption = h("span", { class: "map-caption" });
    this.toggle = h("button", { type: "button", class: "small", "aria-pressed": "false" }, "Whole world");
    this.toggle.addEventListener("click", () => {
      this.whole = !this.whole;
      this.toggle.setAttribute("aria-pressed", String(this.whole));
      this.toggle.textContent = this.whole ? "Fit markers" : "Whole world";
      this.render();
    });
    const legend = h(
      "div",
      { class: "quad-legend" },
      ...[1, 2, 3, 4].map((q) => h("span", {}, h("i", { class: `dot ${QUADS[q]!.cls}` }), quadName(q))),
    );
    clear(root);
    root.append(this.svgHost, h("div", { class: "map-foot" }, this.caption, this.toggle), legend);
    new ResizeObserver(() => {
      const width = this.svgHost.clientWidth;
      if (width > 0 && Math.abs(width - this.lastWidth) > 1) requestAnimationFrame(() => this.render());
    }).observe(this.svgHost);
  }

  setWorld(topology: Topology): void {
    const object = topology.objects["countries"] ?? Object.values(topology.objects)[0];
    if (!object) throw new Error("world.json has no countries");
    const collection = feature(topology, object as GeometryCollection) as unknown as FeatureCollection<Geometry>;
    this.countries = collection.features;
    this.render();
  }

  setEvents(events: EventRecord[]): void {
    this.events = events;
    this.selected = null;
    this.render();
  }

  clearSelection(): void {
    this.selected = null;
    this.render();
  }

  private projection(width: number, height: number): GeoProjection {
    const projection = geoNaturalEarth1();
    const box = this.whole ? null : markerBox(this.events);
    const extent: [[number, number], [number, number]] = [
      [PAD, PAD],
      [width - PAD, height - PAD],
    ];
    if (box) {
      const [x0, y0, x1, y1] = box;
      const corners: GeoPermissibleObjects = {
        type: "MultiPoint",
        coordinates: [
          [x0, y0],
          [x0, y1],
          [x1, y0],
          [x1, y1],
          [(x0 + x1) / 2, y1],
          [(x0 + x1) / 2, y0],
        ],
      };
      projection.fitExtent(extent, corners);
    } else {
      projection.fitExtent(extent, { type: "Sphere" });
    }
    return projection;
  }

  private clusters(projection: GeoProjection): Cluster[] {
    const cells = new Map<string, Cluster>();
    for (const e of located(this.events)) {
      const p = projection([e.place.lon, e.place.lat]);
      if (!p) continue;
      const key = `${Math.floor(p[0] / CELL)},${Math.floor(p[1] / CELL)}`;
      let c = cells.get(key);
      if (!c) {
        c = { x: 0, y: 0, events: [] };
        cells.set(key, c);
      }
      c.x += p[0];
      c.y += p[1];
      c.events.push(e);
    }
    let out = [...cells.values()].map((c) => ({ ...c, x: c.x / c.events.length, y: c.y / c.events.length }));
    // Neighbouring cells can give overlapping circles: merge those, biggest first.
    for (let round = 0; round < 6; round++) {
      out.sort((a, b) => b.events.length - a.events.length);
      const merged: Cluster[] = [];
      let changed = false;
      for (const c of out) {
        const host = merged.find((m) => Math.hypot(m.x - c.x, m.y - c.y) < radius(m.events.length) + radius(c.events.length));
        if (host) {
          const n = host.events.length + c.events.length;
          host.x = (host.x * host.events.length + c.x * c.events.length) / n;
          host.y = (host.y * host.events.length + c.y * c.events.length) / n;
          host.events = host.events.concat(c.events);
          changed = true;
        } else {
          merged.push({ ...c });
        }
      }
      out = merged;
      if (!changed) break;
    }
    // Big clusters first, so that small ones stay on top and clickable.
    return out.sort((a, b) => b.events.length - a.events.length);
  }

  private inSelection(c: Cluster): boolean {
    const sel = this.selected;
    if (!sel) return false;
    return c.events.every(
      (e) => e.place!.lon >= sel[0] && e.place!.lon <= sel[2] && e.place!.lat >= sel[1] && e.place!.lat <= sel[3],
    );
  }

  render(): void {
    const width = Math.max(280, this.svgHost.clientWidth || 600);
    const height = Math.round(Math.min(520, Math.max(220, width * 0.55)));
    this.lastWidth = width;
    const projection = this.projection(width, height);
    const path = geoPath(projection);
    const svg = s("svg", {
      viewBox: `0 0 ${width} ${height}`,
      width: "100%",
      height,
      role: "group",
      "aria-label": "Map of the events",
      class: "map",
    });
    svg.append(
      s("path", { class: "sphere", d: path({ type: "Sphere" }) ?? "" }),
      s("g", { class: "countries" }, ...this.countries.map((f) => s("path", { class: "country", d: path(f) ?? "" }))),
    );
    const markers = s("g", { class: "markers" });
    const clusters = this.clusters(projection);
    for (const c of clusters) {
      const n = c.events.length;
      const r = radius(n);
      const quad = dominantQuad(c.events);
      const g = s(
        "g",
        {
          class: `marker ${QUADS[quad]?.cls ?? ""}${n > 1 ? " cluster" : ""}${this.inSelection(c) ? " selected" : ""}`,
          transform: `translate(${c.x.toFixed(1)},${c.y.toFixed(1)})`,
          tabindex: 0,
          role: "button",
          "data-count": n,
          "data-quad": quad,
        },
        s("title", {}, clusterTitle(c.events)),
        s("circle", { r: r.toFixed(1) }),
        n > 1 ? s("text", { "text-anchor": "middle", dy: "0.35em" }, n) : null,
      );
      const choose = () => this.select(c);
      g.addEventListener("click", choose);
      g.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          choose();
        }
      });
      markers.append(g);
    }
    svg.append(markers);
    clear(this.svgHost);
    this.svgHost.append(svg);
    const placed = located(this.events).length;
    this.caption.textContent =
      this.events.length === 0
        ? "No events"
        : `${placed} of ${this.events.length} events have a place` + (clusters.length ? ` · ${clusters.length} markers` : "");
    this.root.dataset["markers"] = String(clusters.length);
  }

  private select(c: Cluster): void {
    let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const e of c.events) {
      minLon = Math.min(minLon, e.place!.lon);
      maxLon = Math.max(maxLon, e.place!.lon);
      minLat = Math.min(minLat, e.place!.lat);
      maxLat = Math.max(maxLat, e.place!.lat);
    }
    const eps = 0.001;
    const bbox: BBox = [
      round(minLon - eps, "down"),
      round(minLat - eps, "down"),
      round(maxLon + eps, "up"),
      round(maxLat + eps, "up"),
    ];
    const names = [...new Set(c.events.map((e) => e.place!.name))];
    const label = names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
    this.selected = bbox;
    this.render();
    this.onSelect({ bbox, label, count: c.events.length });
  }
}

function round(x: number, dir: "up" | "down"): number {
  const f = 1e4;
  return dir === "up" ? Math.ceil(x * f) / f : Math.floor(x * f) / f;
}
