// Rasid web app: a thin client of the REST API (/api/v1). Every piece of article or corpus text
// reaches the page as a DOM text node or attribute value — never as HTML — and chart tooltips
// escape what they show, so a hostile article cannot inject markup or script.
"use strict";

const state = { lang: localStorage.getItem("rasid.lang") || "ar", strings: {}, config: {}, charts: [] };

// ---------------------------------------------------------------- small helpers

function t(key, vars = {}) {
  const s = (state.strings[state.lang] || {})[key] ?? (state.strings.en || {})[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
}

/** An element with attributes (``on…`` are listeners) and children (strings become text nodes). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const safeUrl = (u) => (typeof u === "string" && /^https?:\/\//i.test(u) ? u : null);
const esc = (s) => echarts.format.encodeHTML(String(s ?? ""));
const code = (country, sector) => [country, sector].filter(Boolean).join(" ") || "?";

function apiUrl(path, params = {}) {
  const url = new URL(`/api/v1/${path}`, location.origin);
  for (const [k, v] of Object.entries(params)) if (v !== "" && v != null && v !== false) url.searchParams.set(k, v);
  return url;
}

async function api(path, params = {}, init = {}) {
  const headers = { ...(init.headers || {}) };
  const token = localStorage.getItem("rasid.token");
  if (token) headers.Authorization = `Bearer ${token}`;
  const r = await fetch(apiUrl(path, params), { ...init, headers });
  if (!r.ok) {
    let detail = r.statusText;
    try { detail = (await r.json()).detail; } catch { /* not JSON */ }
    throw new Error(`${r.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return { data: await r.json(), total: Number(r.headers.get("X-Total-Count") ?? NaN) };
}

function downloads(path, params, name) {
  const link = (fmt) => h("a", { href: apiUrl(path, { ...params, format: fmt }).href, download: `${name}.${fmt}`,
    "data-download": fmt }, t(`download_${fmt}`));
  return h("span", { class: "downloads" }, t("download"), link("csv"), link("json"));
}

/** CSV text of ``rows``; text a spreadsheet would run as a formula gets a leading ' (as the server does). */
function toCsv(rows) {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v) => {
    let s = v == null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return "\ufeff" + [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\r\n");
}

/** Download links for rows already in the page (CSV and JSON made in the browser). */
function localDownloads(rows, name) {
  const link = (fmt, body, type) => h("a", { href: URL.createObjectURL(new Blob([body], { type })),
    download: `${name}.${fmt}`, "data-download": fmt }, t(`download_${fmt}`));
  return h("span", { class: "downloads" }, t("download"), link("csv", toCsv(rows), "text/csv"),
    link("json", JSON.stringify(rows, null, 1), "application/json"));
}

function blobDownload(obj, name) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(obj, null, 1)], { type: "application/json" }));
  return h("span", { class: "downloads" }, t("download"), h("a", { href: url, download: name, "data-download": "json" }, t("download_json")));
}

/** Events as flat rows for a download: codes, sides, date, place, flags, evidence text, gloss. */
function eventRows(text, events) {
  return events.map((ev) => {
    const m = cardModel(ev);
    const span = ev.evidence || (ev.mentions || [])[0];
    return { type: m.type, mode: m.mode, cameo: m.cameo, goldstein: m.goldstein, actors: m.actors,
      recipients: m.recipients, date: m.date, place: m.place, flags: m.flags.join(" "),
      evidence: span ? text.slice(span.start, span.end) : "", gloss: m.gloss };
  });
}

function table(columns, rows) {
  return h("table", {}, h("thead", {}, h("tr", {}, columns.map(([label]) => h("th", {}, t(label))))),
    h("tbody", {}, rows.map((r) => h("tr", {}, columns.map(([, cell, cls]) => h("td", { class: cls }, cell(r)))))));
}

const errorBox = (err) => h("div", { class: "error", role: "alert" }, `${t("error")}: ${err.message || err}`);

/** An ECharts instance on ``el`` (disposed when the route changes), with short animations. */
function chart(el) {
  const c = echarts.init(el);
  c.setOption({ animationDuration: 300, animationDurationUpdate: 300 });
  state.charts.push(c);
  return c;
}

// ---------------------------------------------------------------- highlighted text and event cards

/** The article text cut at every span boundary; each piece carries the classes of the spans over it. */
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const box = h("div", { class: "article-text", dir: "rtl", lang: "ar" });
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    if (!over.length) { box.append(text.slice(a, b)); continue; }
    const piece = h("span", { class: [...new Set(over.map((s) => s.cls))].join(" "),
      title: over.map((s) => s.title).filter(Boolean).join(" · ") || null }, text.slice(a, b));
    const evs = over.filter((s) => s.ev != null).map((s) => s.ev);
    if (evs.length) piece.dataset.ev = ` ${evs.join(" ")} `;
    box.append(piece);
  }
  return box;
}

/** One card model for a fresh analysis event and a stored event. */
function cardModel(ev) {
  const side = (list, key) => (list ? list.map((a) => `${a.text} (${code(a.country, a.sector)})`).join("، ") : key || "?");
  const flags = ev.flags || { historical: ev.historical, future: ev.future, hypothetical: ev.hypothetical, negated: ev.negated };
  const loc = ev.location;
  return {
    type: ev.type, mode: ev.mode, cameo: ev.cameo, goldstein: ev.goldstein, quad: ev.quad_class, gloss: ev.gloss,
    actors: side(ev.actors, ev.actor_key), recipients: side(ev.recipients, ev.recipient_key), date: ev.date,
    place: loc && typeof loc === "object" ? `${loc.text}${loc.country ? ` (${loc.country})` : ""}` : loc,
    flags: Object.keys(flags).filter((k) => flags[k]),
    attribution: ev.attribution && typeof ev.attribution === "object" ? ev.attribution.text
      : (ev.mentions || []).map((m) => m.attribution).find(Boolean),
    mentions: ev.num_mentions ?? (ev.mentions || [ev]).length, articles: ev.num_articles,
    confidence: typeof ev.confidence === "number" ? ev.confidence.toFixed(2) : null,
  };
}

function eventCard(ev, i, onSelect) {
  const m = cardModel(ev);
  const row = (label, value, cls) => (value == null || value === "" ? [] : [h("dt", {}, t(label)), h("dd", { class: cls }, value)]);
  return h("button", { type: "button", class: `event-card quad-${m.quad}`, "data-event": i, onclick: () => onSelect(i) },
    h("div", {}, h("span", { class: "chip type" }, m.type), m.mode ? h("span", { class: "chip" }, m.mode) : null,
      m.flags.map((f) => h("span", { class: "chip flag" }, t(`flag_${f}`)))),
    h("div", { class: "gloss" }, m.gloss),
    h("dl", {},
      row("actors", m.actors), row("recipients", m.recipients),
      row("cameo", `${m.cameo} · ${t("goldstein")} ${m.goldstein}`, "ltr"),
      row("date", m.date, "ltr"), row("place", m.place), row("attribution", m.attribution),
      row("confidence", m.confidence, "ltr"),
      row("mentions", m.articles > 1 ? `${m.mentions} (${m.articles} ${t("reports")})` : m.mentions)));
}

/** Text and cards side by side; clicking a card lights up every span of its evidence. */
function analysisView(text, spans, events) {
  const textBox = highlighted(text, spans);
  const select = (i) => {
    document.querySelectorAll(".event-card.selected").forEach((c) => c.classList.remove("selected"));
    document.querySelector(`.event-card[data-event="${i}"]`)?.classList.add("selected");
    let first = null;
    textBox.querySelectorAll("[data-ev]").forEach((el) => {
      const on = el.dataset.ev.includes(` ${i} `);
      el.classList.toggle("active", on);
      if (on && !first) first = el;
    });
    first?.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  const cards = events.length ? events.map((ev, i) => eventCard(ev, i, select)) : [h("p", { class: "muted" }, t("no_events"))];
  const legend = h("div", { class: "legend" }, ["PER", "ORG", "GPE", "LOC", "FAC", "NORP"].map((k) => h("span", { class: `ent-${k}` }, k)),
    h("span", { class: "time" }, t("times")), h("span", { class: "qty" }, t("quantities")),
    h("span", { class: "quote" }, t("quotes")), h("span", { class: "trigger" }, t("triggers")));
  return h("div", { class: "analysis" },
    h("section", { class: "panel" }, legend, textBox),
    h("section", { class: "panel" }, h("h2", {}, `${t("events")} (${events.length}) `, localDownloads(eventRows(text, events), "events")),
      events.length ? h("p", { class: "muted" }, t("click_card")) : null, h("div", { class: "cards" }, cards)));
}

const entitySpan = (e) => ({ start: e.start, end: e.end, cls: `ent ent-${e.type}`,
  title: [e.type, e.name_en, code(e.country, e.sector)].filter(Boolean).join(" ") });
const quoteSpan = (q) => ({ start: q.start, end: q.end, cls: "quote",
  title: `${t("speaker")}: ${(q.speaker && typeof q.speaker === "object" ? q.speaker.text : q.speaker) || "?"}` });

// ---------------------------------------------------------------- pages

async function pageAnalyze(main) {
  const area = h("textarea", { id: "article", dir: "rtl", lang: "ar", placeholder: t("paste_here") });
  area.value = sessionStorage.getItem("rasid.draft") || "";
  const date = h("input", { type: "date", id: "published", value: sessionStorage.getItem("rasid.published") || null });
  const confidence = h("input", { type: "number", id: "min-confidence", min: "0", max: "1", step: "0.05",
    placeholder: t("model_default"), value: sessionStorage.getItem("rasid.min_confidence") || null });
  const minConfidence = () => (confidence.value === "" ? null : Number(confidence.value));
  const file = h("input", { type: "file", id: "upload", accept: ".txt,.text,.html,.htm" });
  const out = h("div", { id: "analysis" });
  const button = h("button", { class: "primary", type: "submit", id: "analyze" }, t("analyze"));
  const show = (rec) => {
    out.replaceChildren();
    if (rec.error) { out.append(errorBox(new Error(rec.error))); return; }
    out.append(recordView(rec));
  };
  const run = async (request) => {
    button.disabled = true; button.textContent = t("analyzing");
    try { show(await request()); } catch (err) { out.replaceChildren(errorBox(err)); }
    finally { button.disabled = false; button.textContent = t("analyze"); }
  };
  const form = h("form", { class: "panel", onsubmit: (e) => {
    e.preventDefault();
    sessionStorage.setItem("rasid.draft", area.value);
    sessionStorage.setItem("rasid.published", date.value);
    sessionStorage.setItem("rasid.min_confidence", confidence.value);
    run(async () => (await api("analyze", {}, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: area.value, published: date.value || null, min_confidence: minConfidence() }) })).data);
  } }, area,
  h("div", { class: "row" }, h("label", { class: "field" }, t("published"), date),
    h("label", { class: "field" }, t("min_confidence"), confidence),
    h("label", { class: "field" }, t("upload"), file), button));
  file.addEventListener("change", () => {
    const f = file.files[0];
    if (!f) return;
    run(async () => {
      const rec = (await api("analyze/file", { filename: f.name, published: date.value || null, min_confidence: minConfidence() },
        { method: "POST", headers: { "Content-Type": "application/octet-stream" }, body: await f.arrayBuffer() })).data;
      if (rec.text) area.value = rec.text;
      return rec;
    });
  });
  main.append(h("h1", {}, t("analyze_title")), form, out);
}

function recordView(rec) {
  const spans = [
    ...rec.entities.map(entitySpan),
    ...rec.times.map((x) => ({ start: x.start, end: x.end, cls: "time", title: x.value })),
    ...rec.quantities.map((x) => ({ start: x.start, end: x.end, cls: "qty", title: `${x.value} ${x.unit || ""}` })),
    ...rec.quotes.map(quoteSpan),
    ...rec.sentences.filter((s) => s.duplicate_of != null).map((s) => ({ start: s.start, end: s.end, cls: "dup-line", title: t("repeated_line") })),
  ];
  rec.events.forEach((ev, i) => {
    if (ev.trigger) spans.push({ start: ev.trigger.start, end: ev.trigger.end, cls: "trigger evidence", title: `${ev.type}${ev.mode ? "/" + ev.mode : ""}`, ev: i });
    for (const m of ev.mentions || [{ ...ev.evidence }]) spans.push({ start: m.start, end: m.end, cls: "evidence", ev: i });
  });
  const speaker = (q) => (q.speaker ? `${q.speaker.text} (${code(q.speaker.country, q.speaker.sector)})` : "?");
  return h("div", {},
    h("div", { class: "stats" }, [["entities", rec.entities], ["times", rec.times], ["quantities", rec.quantities],
      ["quotes", rec.quotes], ["events", rec.events]].map(([k, v]) => h("div", { class: "stat", "data-count": k }, h("b", {}, v.length), t(k))),
    blobDownload(rec, `${rec.id || "analysis"}.json`)),
    analysisView(rec.text, spans, rec.events),
    h("div", { class: "grid2" },
      h("section", { class: "panel" }, h("h2", {}, `${t("entities")} `, localDownloads(rec.entities, "entities")), table([
        ["text", (e) => e.text, "ar"], ["type", (e) => e.type], ["name", (e) => e.name_en || ""],
        ["country", (e) => code(e.country, e.sector)]], rec.entities)),
      h("section", { class: "panel" }, h("h2", {}, t("quotes")), table([
        ["speaker", speaker, "ar"], ["kind", (q) => q.kind], ["text", (q) => rec.text.slice(q.start, q.end), "ar"]], rec.quotes),
      h("h2", {}, t("times")), table([["text", (x) => x.text, "ar"], ["value", (x) => x.value, "ltr"]], rec.times))));
}

async function pageArticles(main, _arg, params) {
  const { data: srcs } = await api("sources");
  const val = (k) => params.get(k) || "";
  const q = h("input", { type: "search", name: "q", value: val("q"), placeholder: t("search_placeholder"), size: 40 });
  const semantic = h("input", { type: "checkbox", name: "semantic", checked: params.get("semantic") === "true" });
  const field = (label, input) => h("label", { class: "field" }, t(label), input);
  const select = (name, options) => {
    const s = h("select", { name }, h("option", { value: "" }, t("any")), options.map(([v, label]) => h("option", { value: v }, label)));
    s.value = val(name);
    return s;
  };
  const inputs = {
    q, semantic, since: h("input", { type: "date", name: "since", value: val("since") }),
    until: h("input", { type: "date", name: "until", value: val("until") }),
    source: select("source", srcs.map((s) => [s.source, `${s.source} (${s.articles})`])),
    actor: h("input", { type: "text", name: "actor", value: val("actor"), size: 14 }),
    type: select("type", state.config.event_types.map((x) => [x, x])),
  };
  const form = h("form", { class: "panel row", id: "article-search", onsubmit: (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, el] of Object.entries(inputs)) {
      const v = el.type === "checkbox" ? (el.checked ? "true" : "") : el.value.trim();
      if (v) p.set(k, v);
    }
    location.hash = `#/articles?${p}`;
  } },
  field("search", q), h("label", { class: "field" }, t("semantic"), semantic), field("since", inputs.since), field("until", inputs.until),
  field("source", inputs.source), field("actor", inputs.actor), field("event_type", inputs.type),
  h("button", { class: "primary", type: "submit" }, t("apply")),
  h("button", { class: "secondary", type: "button", onclick: () => { location.hash = "#/articles"; } }, t("reset")));
  main.append(h("h1", {}, t("nav_articles")), form);

  const pageSize = 20;
  const offset = Number(params.get("offset") || 0);
  const query = { q: val("q"), semantic: val("semantic"), since: val("since"), until: val("until"), source: val("source"),
    actor: val("actor"), type: val("type") };
  const { data: rows, total } = await api("articles", { ...query, limit: pageSize, offset });
  if (!rows.length) { main.append(h("p", { class: "muted", id: "no-results" }, t("no_results"))); return; }
  const go = (o) => { const p = new URLSearchParams(params); p.set("offset", o); location.hash = `#/articles?${p}`; };
  const pager = h("div", { class: "pager" },
    h("span", { id: "result-count" }, t("results", { from: offset + 1, to: offset + rows.length, total })),
    h("button", { class: "secondary", type: "button", disabled: offset === 0, onclick: () => go(Math.max(0, offset - pageSize)) }, t("prev")),
    h("button", { class: "secondary", type: "button", disabled: offset + rows.length >= total, onclick: () => go(offset + pageSize) }, t("next")),
    downloads("articles", { ...query, limit: 200, offset }, "articles"));
  main.append(pager, table([
    ["date", (r) => (r.published || "").slice(0, 10), "ltr"],
    ["title", (r) => h("a", { href: `#/article/${r.id}` }, r.title || t("untitled")), "ar"],
    ["source", (r) => r.source || ""],
    ["snippet", (r) => `${(r.snippet || "").slice(0, 160)}…`, "ar"]], rows));
}

async function pageArticle(main, id) {
  const { data: art } = await api(`articles/${encodeURIComponent(id)}`);
  const spans = [...art.entities.map(entitySpan), ...art.quotes.map(quoteSpan),
    ...art.sentences.filter((s) => s.duplicate_of != null).map((s) => ({ start: s.start, end: s.end, cls: "dup-line", title: t("repeated_line") }))];
  art.events.forEach((ev, i) => ev.mentions.forEach((m) => spans.push({ start: m.start, end: m.end, cls: "evidence", ev: i })));
  const url = safeUrl(art.url);
  main.append(h("h1", { dir: "rtl", lang: "ar" }, art.title || t("untitled")),
    h("p", { class: "muted" }, [art.published, art.source, art.external_id].filter(Boolean).join(" · "), " ",
      url ? h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, t("open_source")) : null),
    h("p", { hidden: art.duplicate_of == null }, `${t("duplicate_of")} `,
      h("a", { href: `#/article/${art.duplicate_of}` }, art.duplicate_title || `#${art.duplicate_of}`)),
    analysisView(art.text, spans, art.events));
}

async function pageActors(main) {
  const { data: rows } = await api("actors", { top: 100 });
  main.append(h("h1", {}, t("actors_title")), h("div", { class: "row" }, downloads("actors", { top: 100 }, "actors")));
  if (!rows.length) { main.append(h("p", { class: "muted" }, t("empty_corpus"))); return; }
  main.append(table([
    ["code", (r) => h("a", { href: `#/actor/${r.code.slice(0, 3)}` }, r.code), "ltr"], ["name", (r) => r.name_en || ""],
    ["events_total", (r) => r.events], ["as_actor", (r) => r.as_actor], ["as_recipient", (r) => r.as_recipient]], rows));
}

async function pageActor(main, key) {
  const { data: a } = await api(`actors/${encodeURIComponent(key)}`);
  const name = (state.lang === "ar" ? a.name_ar : a.name_en) || a.name_en || a.key;
  const eventCols = [["date", (e) => e.date || "", "ltr"], ["type", (e) => e.type], ["goldstein", (e) => e.goldstein, "ltr"],
    ["text", (e) => e.gloss, "ltr"]];
  const timelineBox = h("div", { class: "chart", id: "actor-timeline" });
  main.append(h("h1", {}, `${name} `, h("span", { class: "chip" }, a.key)),
    h("div", { class: "stats" },
      h("div", { class: "stat" }, h("b", {}, a.mentions.total), t("actor_mentions")),
      h("div", { class: "stat" }, h("b", {}, a.events.as_actor), t("as_actor")),
      h("div", { class: "stat" }, h("b", {}, a.events.as_recipient), t("as_recipient"))),
    h("section", { class: "panel" }, h("h2", {}, `${t("timeline")} `, localDownloads(a.timeline, `${a.key}-timeline`)), timelineBox),
    h("div", { class: "grid2" },
      h("section", { class: "panel" }, h("h2", {}, `${t("partners")} `, localDownloads(a.partners, `${a.key}-partners`)), table([
        ["code", (p) => h("a", { href: `#/actor/${p.key}` }, p.key), "ltr"],
        ["name", (p) => (state.lang === "ar" ? p.name_ar : p.name_en) || ""], ["events_count", (p) => p.events],
        ["goldstein_mean", (p) => p.goldstein_mean, "ltr"]], a.partners)),
      h("section", { class: "panel" }, h("h2", {}, t("forms")), table([
        ["text", (f) => f.text, "ar"], ["type", (f) => f.type], ["name", (f) => f.name_en || ""], ["mentions", (f) => f.count]], a.mentions.forms))),
    h("section", { class: "panel" }, h("h2", {}, `${t("as_actor")} `, downloads("events", { actor: a.key, limit: 1000 }, `${a.key}-actor-events`)),
      table(eventCols, a.as_actor)),
    h("section", { class: "panel" }, h("h2", {}, `${t("as_recipient")} `, downloads("events", { recipient: a.key, limit: 1000 }, `${a.key}-recipient-events`)),
      table(eventCols, a.as_recipient)),
    h("section", { class: "panel" }, h("h2", {}, t("recent_articles")), table([
      ["date", (r) => (r.published || "").slice(0, 10), "ltr"],
      ["title", (r) => h("a", { href: `#/article/${r.id}` }, r.title || t("untitled")), "ar"], ["source", (r) => r.source || ""]], a.mentions.articles)));
  chart(timelineBox).setOption({
    tooltip: { trigger: "axis" }, legend: { data: [t("events_count"), t("goldstein_mean")] },
    dataZoom: [{ type: "slider", startValue: Math.max(0, a.timeline.length - 24) }, { type: "inside" }],
    xAxis: { type: "category", data: a.timeline.map((p) => p.period), inverse: state.lang === "ar" },
    yAxis: [{ type: "value", name: t("events_count"), minInterval: 1, position: state.lang === "ar" ? "right" : "left" },
      { type: "value", name: t("goldstein_mean"), min: -10, max: 10, position: state.lang === "ar" ? "left" : "right" }],
    series: [{ name: t("events_count"), type: "bar", data: a.timeline.map((p) => p.events), itemStyle: { color: "#74c0fc" } },
      { name: t("goldstein_mean"), type: "line", yAxisIndex: 1, data: a.timeline.map((p) => p.goldstein_mean),
        itemStyle: { color: "#0b6e69" }, markLine: { silent: true, symbol: "none", data: [{ yAxis: 0 }] } }],
  });
}

const toneColour = (g) => echarts.color.lerp((Math.max(-10, Math.min(10, g)) + 10) / 20, ["#e03131", "#adb5bd", "#2f9e44"]);

async function pageNetwork(main, _arg, params) {
  const maxEdges = Number(params.get("edges") || 150);
  const { data: g } = await api("graph");
  const box = h("div", { class: "chart big", id: "network" });
  const edgesInput = h("input", { type: "number", min: 10, max: 2000, step: 10, value: maxEdges,
    onchange: (e) => { location.hash = `#/network?edges=${e.target.value}`; } });
  main.append(h("h1", {}, t("network_title")), h("p", { class: "muted" }, t("network_hint")),
    h("div", { class: "row" }, h("label", { class: "field" }, t("max_edges"), edgesInput),
      downloads("graph", {}, "dyads")), h("section", { class: "panel" }, box));
  if (!g.links.length) { box.replaceWith(h("p", { class: "muted" }, t("empty_corpus"))); return; }
  const links = [...g.links].sort((a, b) => b.weight - a.weight).slice(0, maxEdges);
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes = g.nodes.filter((n) => used.has(n.id));
  const maxW = Math.max(...links.map((l) => l.weight));
  const maxN = Math.max(...nodes.map((n) => n.events));
  const c = chart(box);
  c.setOption({
    tooltip: { formatter: (p) => (p.dataType === "edge"
      ? `${esc(p.data.source)} → ${esc(p.data.target)}<br>${esc(t("events_count"))}: ${p.data.value}<br>${esc(t("goldstein_mean"))}: ${p.data.goldstein}<br>${esc(p.data.types)}`
      : `${esc(p.data.name)}<br>${esc(t("events_count"))}: ${p.data.value}`) },
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true, edgeSymbol: ["none", "arrow"], edgeSymbolSize: 6,
      force: { repulsion: 260, edgeLength: [60, 200], gravity: 0.08 }, label: { show: true, position: "right" },
      data: nodes.map((n) => ({ id: n.id, name: n.id, value: n.events, symbolSize: 8 + 34 * Math.sqrt(n.events / maxN) })),
      links: links.map((l) => ({ source: l.source, target: l.target, value: l.weight, goldstein: l.goldstein_mean, types: l.types,
        lineStyle: { width: 0.6 + 7 * (l.weight / maxW), color: toneColour(l.goldstein_mean), opacity: 0.8, curveness: 0.15 } })),
    }],
  });
  c.on("click", (p) => { if (p.dataType === "node") location.hash = `#/actor/${p.data.id}`; });
}

async function pageMap(main) {
  const [{ data: places }, world] = await Promise.all([api("places"),
    echarts.getMap("world") ? null : fetch("vendor/world.geo.json").then((r) => r.json())]);
  if (world) echarts.registerMap("world", world);
  const box = h("div", { class: "chart big", id: "map" });
  main.append(h("h1", {}, t("map_title")), h("p", { class: "muted" }, t("map_hint")),
    h("div", { class: "row" }, downloads("places", {}, "places")), h("section", { class: "panel" }, box));
  const maxN = Math.max(1, ...places.map((p) => p.events));
  chart(box).setOption({
    tooltip: { formatter: (p) => `${esc(p.data.name)} ${esc(p.data.country || "")}<br>${esc(t("events_count"))}: ${p.data.value[2]}<br>${esc(t("goldstein_mean"))}: ${p.data.value[3]}` },
    visualMap: { type: "continuous", dimension: 3, min: -10, max: 10, calculable: true, inRange: { color: ["#e03131", "#adb5bd", "#2f9e44"] }, left: 10, bottom: 20 },
    geo: { map: "world", roam: true, center: [45, 29], zoom: 4, itemStyle: { areaColor: "#eef1f4", borderColor: "#9aa5b1" },
      emphasis: { disabled: true } },
    series: [{ type: "scatter", coordinateSystem: "geo",
      data: places.map((p) => ({ name: p.location, country: p.location_country, value: [p.lon, p.lat, p.events, p.goldstein_mean] })),
      symbolSize: (v) => 6 + 26 * Math.sqrt(v[2] / maxN) }],
  });
}

// ---------------------------------------------------------------- routing and language

const pages = { analyze: pageAnalyze, articles: pageArticles, article: pageArticle, actors: pageActors, actor: pageActor,
  network: pageNetwork, map: pageMap };

async function route() {
  const [path, query] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, arg] = path.split("/");
  const page = pages[name] ? name : "analyze";
  state.charts.splice(0).forEach((c) => c.dispose());
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("current", a.dataset.nav === page || (page === "article" && a.dataset.nav === "articles") || (page === "actor" && a.dataset.nav === "actors")));
  const content = h("div", { id: `page-${page}`, "aria-busy": "true" });
  document.getElementById("main").replaceChildren(content);
  try {
    await pages[page](content, decodeURIComponent(arg || ""), new URLSearchParams(query || ""));
  } catch (err) {
    content.append(errorBox(err));
  }
  content.removeAttribute("aria-busy");
  content.dataset.shown = location.hash;  // which route this content answers (tests wait on it)
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
  document.title = t("app_title");
  document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
}

async function start() {
  [state.strings, state.config] = await Promise.all([fetch("i18n.json").then((r) => r.json()), api("config").then((r) => r.data)]);
  applyLanguage();
  document.getElementById("lang").addEventListener("click", () => {
    state.lang = state.lang === "ar" ? "en" : "ar";
    localStorage.setItem("rasid.lang", state.lang);
    applyLanguage();
    route();
  });
  if (state.config.token_required) {
    const box = document.querySelector("form.token");
    box.hidden = false;
    box.title = t("token_hint");
    box.addEventListener("submit", (e) => e.preventDefault());
    const input = document.getElementById("token");
    input.value = localStorage.getItem("rasid.token") || "";
    input.addEventListener("change", () => localStorage.setItem("rasid.token", input.value));
  }
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", () => state.charts.forEach((c) => c.resize()));
  await route();
  document.body.dataset.ready = "true";
}

start();
