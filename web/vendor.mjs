// Copies the web app's third-party assets into the Python package (run: npm ci && npm run vendor).
// ECharts draws the charts, the network and the map; world-atlas (Natural Earth, public domain)
// gives the country outlines, turned into GeoJSON here with topojson-client.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const out = new URL("../src/rasid/serve/web/vendor/", import.meta.url);
mkdirSync(out, { recursive: true });
const mod = (p) => new URL(`./node_modules/${p}`, import.meta.url);

copyFileSync(mod("echarts/dist/echarts.min.js"), new URL("echarts.min.js", out));
copyFileSync(mod("echarts/LICENSE"), new URL("LICENSE.echarts", out));
copyFileSync(mod("world-atlas/LICENSE"), new URL("LICENSE.world-atlas", out));

const topo = JSON.parse(readFileSync(mod("world-atlas/countries-110m.json")));
const world = feature(topo, topo.objects.countries);
writeFileSync(new URL("world.geo.json", out), JSON.stringify(world));
console.log(`vendored echarts, ${world.features.length} country outlines`);
