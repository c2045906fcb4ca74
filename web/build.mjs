// Bundles the dashboard into dist/: app.js (esbuild), index.html, app.css and
// world.json (world-atlas' countries-110m.json). `dyad serve` serves dist/.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");
const require = createRequire(import.meta.url);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.ts")],
  outfile: join(dist, "app.js"),
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  legalComments: "eof",
  logLevel: "warning",
});

copyFileSync(join(here, "index.html"), join(dist, "index.html"));
copyFileSync(join(here, "app.css"), join(dist, "app.css"));
copyFileSync(require.resolve("world-atlas/countries-110m.json"), join(dist, "world.json"));

for (const file of ["index.html", "app.js", "app.css", "world.json"]) {
  console.log(`dist/${file}  ${(statSync(join(dist, file)).size / 1024).toFixed(1)} KiB`);
}
