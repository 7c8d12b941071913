/* Warta explorer: the graph (Cytoscape.js), a story view of troop-count claims about one actor,
 * an article view with its evidence highlighted, search in every language, and a permalink (the
 * URL hash) for whatever is on screen. Data comes from the embedded JSON, or live from a SPARQL
 * endpoint with the same queries as kg/export/graph.py and kg/export/viz.py, in bounded pages.
 *
 * Article text is untrusted: every label and sentence reaches the DOM through textContent or
 * createTextNode (never innerHTML), and links are made only for http(s) and file URLs. */
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var SVGNS = 'http://www.w3.org/2000/svg';
  var CONFIG = JSON.parse($('warta-config').textContent);
  var EMBEDDED = JSON.parse($('warta-data').textContent);
  var BIG = 2000;        // above this many drawn nodes: haystack edges, no edge labels
  var FONT_PX = 12;      // labels are drawn at this many screen pixels whatever the zoom
  var MIN_FONT_PX = 8;   // cytoscape hides labels smaller than this on screen
  var TIMINGS = { scriptStart: performance.now() }; // ms, for scripts/bench_viz.py

  /* ---------- DOM helpers (text only) ---------- */
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'className') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function safeHref(url) {
    return typeof url === 'string' && /^(https?|file):/i.test(url) ? url : null;
  }
  function status(text, warn) {
    var s = $('status'); s.textContent = text; s.className = warn ? 'warn' : '';
  }
  function button(text, onClick, cls) {
    var b = el('button', { type: 'button', text: text, className: cls || 'link' });
    b.addEventListener('click', onClick);
    return b;
  }

  /* ---------- the endpoint: the one place that decides where live data comes from ---------- */
  function endpointUrl() {
    // served by `kg serve` (sameOrigin): its own /query only, whatever ?endpoint= says
    var param = CONFIG.sameOrigin ? null : new URLSearchParams(location.search).get('endpoint');
    return param || CONFIG.endpoint || null;
  }

  /* ---------- SPARQL over HTTP, in bounded pages ---------- */
  function sparql(endpoint, query) {
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded',
                 'Accept': 'application/sparql-results+json' },
      body: 'query=' + encodeURIComponent(query)
    }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (j) {
      return j.results.bindings.map(function (b) {
        var row = {};
        Object.keys(b).forEach(function (k) { row[k] = b[k].value; });
        return row;
      });
    });
  }
  // LIMIT/OFFSET pages until a short page or CONFIG.maxRows; rows are merged order-free.
  function pagedRows(endpoint, name, query, truncated) {
    var rows = [], size = CONFIG.pageRows;
    function page(offset) {
      return sparql(endpoint, query + '\nLIMIT ' + size + ' OFFSET ' + offset).then(function (got) {
        rows = rows.concat(got);
        if (got.length < size) return rows;
        if (rows.length >= CONFIG.maxRows) { truncated.push(name); return rows; }
        return page(offset + size);
      }, function (err) { throw new Error(err.message + ' for query ' + name); });
    }
    return page(0);
  }
  function fetchRows(endpoint) {
    var names = Object.keys(CONFIG.queries), truncated = [];
    return Promise.all(names.map(function (name) {
      return pagedRows(endpoint, name, CONFIG.queries[name], truncated);
    })).then(function (lists) {
      var rows = {};
      names.forEach(function (n, i) { rows[n] = lists[i]; });
      rows.truncated = truncated;
      return rows;
    });
  }
  function iriRef(iri) { // an IRI from the data as a SPARQL IRIREF, refused if it could escape
    if (/[<>"{}|^`\\\s]/.test(iri)) throw new Error('unusable IRI ' + iri);
    return '<' + iri + '>';
  }
  function fetchArticleText(iri) {
    var a = state.data.articles[iri] || (state.data.articles[iri] = { actors: [] });
    if ('text' in a) return Promise.resolve(a);
    var endpoint = state.endpoint;
    if (!endpoint) return Promise.resolve(a);
    return sparql(endpoint, CONFIG.textQuery.replace('<ARTICLE>', iriRef(iri)) + '\nLIMIT 1')
      .then(function (rows) {
        if (rows.length) { a.text = rows[0].text; if (rows[0].lang) a.lang = rows[0].lang; }
        return a;
      });
  }

  /* ---------- rows -> data (mirror of graph.py rows_to_data + viz.py explorer_rows_to_data) ---------- */
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function group(rows, key) {
    var out = {};
    rows.forEach(function (r) {
      var m = out[r[key]] || (out[r[key]] = {});
      Object.keys(r).forEach(function (k) { if (!(k in m) || r[k] < m[k]) m[k] = r[k]; });
    });
    return out;
  }
  function pairsOf(set) {
    return Object.keys(set).map(function (s) { return JSON.parse(s); })
      .sort(function (a, b) { return cmp(a[0], b[0]) || cmp(a[1], b[1]); });
  }
  function pickLabel(pairs, iri) {
    if (!pairs.length) return tail(iri);
    for (var i = 0; i < pairs.length; i++) if (/^en/i.test(pairs[i][1])) return pairs[i][0];
    return pairs[0][0];
  }
  function tail(iri) { var t = iri.replace(/\/+$/, '').split('/').pop(); return t.split('#').pop(); }
  function clip(text, n) {
    var cps = Array.from(text);
    return cps.length <= n ? text : cps.slice(0, n - 1).join('') + '…';
  }
  function fmtInt(n) { return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function eventLabel(node, roles) {
    var by = {};
    roles.forEach(function (r) { (by[r[0]] = by[r[0]] || []).push(r[1]); });
    var label;
    if (node.kind === 'Deployment') {
      label = (by.deployingActor || ['?'])[0];
      if (by.destination) label += ' → ' + by.destination[0];
      if ('troopCount' in node) {
        var sign = CONFIG.qualifierSigns[node.countQualifier || 'Exact'];
        label += ' ' + (sign === undefined ? '' : sign) + fmtInt(node.troopCount);
      }
    } else if (node.kind === 'Statement') {
      var text = node.text || '';
      label = (by.speaker || ['?'])[0] + (text ? ': “' + clip(text, 40) + '”' : '');
    } else {
      label = node.agreementName || 'Agreement ' + (by.party || []).slice().sort(cmp).join(' – ');
    }
    if (node.modality === 'Denied') label += ' (denied)';
    return label;
  }
  function nameEvents(nodes, order, edges) {
    var outRoles = {};
    edges.forEach(function (e) {
      (outRoles[e.source] = outRoles[e.source] || []).push([e.role, nodes[e.target].label]);
    });
    order.forEach(function (iri) {
      var n = nodes[iri];
      if (n.category !== 'event') return;
      var roles = outRoles[iri] || [];
      var cl = roles.filter(function (r) { return r[0] === 'claimedBy'; });
      if (cl.length) n.claimant = cl[0][1];
      n.label = eventLabel(n, roles);
    });
  }

  function rowsToData(rows) {
    var articles = group(rows.articles, 'article');
    var kinds = {}, labels = {}, qids = {}, mentioned = {}, prefs = {};
    rows.actors.forEach(function (r) {
      (kinds[r.actor] = kinds[r.actor] || {})[r.type] = true;
      if ('pref' in r && (!(r.actor in prefs) || cmp(r.pref, prefs[r.actor]) < 0)) prefs[r.actor] = r.pref;
      labels[r.actor] = labels[r.actor] || {};
      if ('label' in r) labels[r.actor][JSON.stringify([r.label, r.lang || ''])] = true;
      qids[r.actor] = qids[r.actor] || [];
      if ('sameAs' in r) qids[r.actor].push(r.sameAs.slice(CONFIG.wd.length));
    });
    rows.mentions.forEach(function (r) {
      (mentioned[r.actor] = mentioned[r.actor] || {})[r.article] = true;
    });
    var nodes = {}, order = [];
    Object.keys(kinds).sort(cmp).forEach(function (iri) {
      var pairs = pairsOf(labels[iri]);
      var n = { id: iri, category: 'actor',
                kind: CONFIG.actorKinds.filter(function (k) { return kinds[iri][k]; })[0],
                label: iri in prefs ? prefs[iri] : pickLabel(pairs, iri), labels: pairs,
                articles: Object.keys(mentioned[iri] || {}).length };
      if (qids[iri].length) n.wikidata = qids[iri].sort(cmp)[0];
      nodes[iri] = n; order.push(iri);
    });
    var events = group(rows.events, 'event');
    var fields = [['date', 'date'], ['modality', 'modality'], ['qualifier', 'countQualifier'],
                  ['evidence', 'evidence'], ['text', 'text'], ['unit', 'unit'],
                  ['name', 'agreementName']];
    Object.keys(events).sort(cmp).forEach(function (iri) {
      var r = events[iri];
      var n = { id: iri, category: 'event', kind: r.kind, article: r.article };
      fields.forEach(function (f) { if (f[0] in r) n[f[1]] = r[f[0]]; });
      if ('troopCount' in r) n.troopCount = parseInt(r.troopCount, 10);
      if ('confidence' in r) n.confidence = parseFloat(r.confidence);
      if ('isQuote' in r) n.isQuote = r.isQuote === 'true' || r.isQuote === '1';
      var a = articles[r.article] || {};
      ['url', 'headline', 'published', 'publisher'].forEach(function (k) { if (k in a) n[k] = a[k]; });
      nodes[iri] = n; order.push(iri);
    });
    var edges = [], seen = {};
    rows.roles.slice().sort(function (a, b) {
      return cmp(a.event, b.event) || CONFIG.roles.indexOf(a.role) - CONFIG.roles.indexOf(b.role) ||
        cmp(a.target, b.target);
    }).forEach(function (r) {
      var key = JSON.stringify([r.event, r.role, r.target]);
      if (!nodes[r.event] || seen[key]) return;
      seen[key] = true;
      if (!nodes[r.target]) {
        nodes[r.target] = { id: r.target, category: 'actor', kind: 'Actor', label: tail(r.target),
                            labels: [], articles: 0 };
        order.push(r.target);
      }
      edges.push({ source: r.event, target: r.target, role: r.role });
    });
    nameEvents(nodes, order, edges);
    // explorer_rows_to_data: display names, offsets, articles
    var prefs = {};
    (rows.prefLabels || []).forEach(function (r) {
      (prefs[r.actor] = prefs[r.actor] || {})[JSON.stringify([r.label, r.lang || ''])] = true;
    });
    Object.keys(prefs).forEach(function (iri) {
      var n = nodes[iri];
      if (!n || n.category !== 'actor') return;
      n.prefLabels = pairsOf(prefs[iri]);
      n.label = pickLabel(n.prefLabels, iri);
    });
    nameEvents(nodes, order, edges);
    var spans = {};
    (rows.spans || []).forEach(function (r) {
      var s = parseInt(r.start, 10), e = parseInt(r.end, 10);
      if (isNaN(s) || isNaN(e)) return;
      var old = spans[r.event];
      if (!old || s < old[0] || (s === old[0] && e < old[1])) spans[r.event] = [s, e];
    });
    Object.keys(spans).forEach(function (iri) {
      if (nodes[iri]) { nodes[iri].start = spans[iri][0]; nodes[iri].end = spans[iri][1]; }
    });
    var arts = {};
    order.forEach(function (iri) {
      var n = nodes[iri];
      if (n.category === 'event' && !arts[n.article]) arts[n.article] = { actors: [] };
    });
    rows.mentions.forEach(function (r) {
      (arts[r.article] = arts[r.article] || { actors: [] }).actors.push(r.actor);
    });
    (rows.texts || []).slice().sort(function (a, b) {
      return cmp(a.article, b.article) || cmp(a.text, b.text) || cmp(a.lang || '', b.lang || '');
    }).forEach(function (r) {
      var a = arts[r.article] = arts[r.article] || { actors: [] };
      if (!('text' in a)) { a.text = r.text; if (r.lang) a.lang = r.lang; }
    });
    var articlesOut = {};
    Object.keys(arts).sort(cmp).forEach(function (k) {
      var a = arts[k], uniq = {};
      a.actors.forEach(function (x) { uniq[x] = true; });
      a.actors = Object.keys(uniq).sort(cmp);
      articlesOut[k] = a;
    });
    return { nodes: order.map(function (i) { return nodes[i]; }), edges: edges, articles: articlesOut };
  }

  function loadData() {
    var endpoint = endpointUrl();
    if (!endpoint) return Promise.resolve({ data: EMBEDDED, from: 'embedded data' });
    return fetchRows(endpoint).then(function (rows) {
      var res = { data: rowsToData(rows), from: endpoint, endpoint: endpoint };
      if (rows.truncated.length) res.warn = 'the endpoint has more than ' + fmtInt(CONFIG.maxRows) +
        ' rows for ' + rows.truncated.join(', ') + '; showing the first ' + fmtInt(CONFIG.maxRows);
      return res;
    }, function (err) {
      if (EMBEDDED) return { data: EMBEDDED, from: 'embedded data', warn: 'endpoint ' + endpoint +
                             ' failed (' + err.message + '); showing the embedded data' };
      throw err;
    });
  }

  /* ---------- dates ---------- */
  function dayRange(d) { // "2024", "2024-11", "2024-11-04" -> [first day, last day]
    if (!d) return null;
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d);
    if (!m) return null;
    if (m[3]) return [m[0], m[0]];
    if (m[2]) {
      var last = new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
      return [m[1] + '-' + m[2] + '-01', m[1] + '-' + m[2] + '-' + (last < 10 ? '0' : '') + last];
    }
    return [m[1] + '-01-01', m[1] + '-12-31'];
  }
  function when(n) { return n.date || n.published || null; }
  function dayMs(d) { return Date.parse(d + 'T00:00:00Z'); }

  /* ---------- layout: one force layout per connected story, packed; isolated nodes aside ---------- */
  // Fruchterman-Reingold on each component (exact repulsion up to 300 nodes, a grid beyond),
  // seeded (hubs in the middle of a sunflower spiral) so the same data gives the same picture;
  // the components are then shelf-packed, biggest first, to the viewport's aspect ratio.
  var K = 45; // ideal edge length, model units
  function layoutStories(nodes, edges, aspect, budgetMs) {
    var t0 = performance.now(), n = nodes.length, idx = {}, i;
    nodes.forEach(function (d, j) { idx[d.id] = j; });
    var deg = new Int32Array(n), es = [], et = [], parent = new Int32Array(n);
    for (i = 0; i < n; i++) parent[i] = i;
    function find(a) { while (parent[a] !== a) { parent[a] = parent[parent[a]]; a = parent[a]; } return a; }
    edges.forEach(function (e) {
      var a = idx[e.source], b = idx[e.target];
      if (a === undefined || b === undefined || a === b) return;
      es.push(a); et.push(b); deg[a]++; deg[b]++;
      var ra = find(a), rb = find(b); if (ra !== rb) parent[ra] = rb;
    });
    var byRoot = new Map(), isolated = [];
    for (i = 0; i < n; i++) {
      if (!deg[i]) { isolated.push(i); continue; }
      var r = find(i), list = byRoot.get(r);
      if (list) list.push(i); else byRoot.set(r, [i]);
    }
    var comps = Array.from(byRoot.values()).sort(function (a, b) { return b.length - a.length || a[0] - b[0]; });
    var compOf = new Int32Array(n).fill(-1), loc = new Int32Array(n);
    comps.forEach(function (c, ci) { c.forEach(function (g, li) { compOf[g] = ci; loc[g] = li; }); });
    var compEdges = comps.map(function () { return []; });
    for (i = 0; i < es.length; i++) compEdges[compOf[es[i]]].push(loc[es[i]], loc[et[i]]);
    var drawnCount = n - isolated.length, x = new Float64Array(n), y = new Float64Array(n);
    var boxes = comps.map(function (c, ci) {
      var share = Math.max(3, (budgetMs - (performance.now() - t0)) * c.length / Math.max(drawnCount, 1));
      drawnCount -= c.length;
      var p = forceComponent(c, compEdges[ci], deg, share);
      var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
      for (var j = 0; j < c.length; j++) {
        x[c[j]] = p.x[j]; y[c[j]] = p.y[j];
        if (p.x[j] < x1) x1 = p.x[j]; if (p.x[j] > x2) x2 = p.x[j];
        if (p.y[j] < y1) y1 = p.y[j]; if (p.y[j] > y2) y2 = p.y[j];
      }
      return { x1: x1, y1: y1, w: x2 - x1, h: y2 - y1 };
    });
    // shelf packing, rows as wide as sqrt(area * aspect) (at least the widest component)
    var gap = K * 2.5, area = 0, widest = 0;
    boxes.forEach(function (b) { area += (b.w + gap) * (b.h + gap); widest = Math.max(widest, b.w + gap); });
    var rowW = Math.max(widest, Math.sqrt(area * aspect)), cx = 0, cy = 0, rowH = 0;
    var pos = {}, bounds = [];
    boxes.forEach(function (b, ci) {
      if (cx > 0 && cx + b.w > rowW) { cx = 0; cy += rowH + gap; rowH = 0; }
      var ox = cx - b.x1, oy = cy - b.y1;
      comps[ci].forEach(function (g) { pos[nodes[g].id] = { x: x[g] + ox, y: y[g] + oy }; });
      bounds.push({ x1: cx, y1: cy, x2: cx + b.w, y2: cy + b.h });
      cx += b.w + gap; rowH = Math.max(rowH, b.h);
    });
    return { pos: pos, degree: deg, index: idx, bounds: bounds,
             components: comps.map(function (c) { return c.map(function (g) { return nodes[g].id; }); }),
             isolated: isolated.map(function (g) { return nodes[g]; }) };
  }

  function forceComponent(members, pairs, deg, budgetMs) {
    var t0 = performance.now(), m = members.length, i, j;
    var x = new Float64Array(m), y = new Float64Array(m);
    if (m <= 2) { if (m === 2) x[1] = K * 1.5; return { x: x, y: y }; }
    var order = []; for (i = 0; i < m; i++) order.push(i);
    order.sort(function (a, b) { return deg[members[b]] - deg[members[a]] || a - b; });
    var golden = Math.PI * (3 - Math.sqrt(5));
    order.forEach(function (a, r) {
      var rad = K * 0.8 * Math.sqrt(r);
      x[a] = rad * Math.cos(r * golden); y[a] = rad * Math.sin(r * golden);
    });
    var ldeg = new Float64Array(m);
    for (i = 0; i < pairs.length; i += 2) { ldeg[pairs[i]]++; ldeg[pairs[i + 1]]++; }
    var dx = new Float64Array(m), dy = new Float64Array(m), k2 = K * K, cell = 2 * K;
    var iters = Math.max(40, Math.min(500, Math.round(60000 / m)));
    var temp = K * Math.max(2, Math.min(6, Math.sqrt(m) / 2)), cool = temp / iters; // small steps: the spiral is already a fair start
    for (var it = 0; it < iters; it++) {
      // the clock bounds big components only: a small one always runs all its iterations, so its
      // picture does not depend on how busy the machine is
      if (it > 10 && m > 100 && performance.now() - t0 > budgetMs) break;
      dx.fill(0); dy.fill(0);
      if (m <= 300) {
        for (i = 0; i < m; i++) for (j = i + 1; j < m; j++) {
          var ax = x[i] - x[j], ay = y[i] - y[j], d2 = ax * ax + ay * ay + 0.01, f = k2 / d2;
          dx[i] += ax * f; dy[i] += ay * f; dx[j] -= ax * f; dy[j] -= ay * f;
        }
      } else {
        var grid = new Map();
        for (i = 0; i < m; i++) {
          var key = Math.floor(x[i] / cell) * 1048576 + Math.floor(y[i] / cell);
          var bucket = grid.get(key); if (bucket) bucket.push(i); else grid.set(key, [i]);
        }
        for (i = 0; i < m; i++) {
          var gx0 = Math.floor(x[i] / cell), gy0 = Math.floor(y[i] / cell);
          for (var gx = gx0 - 1; gx <= gx0 + 1; gx++) for (var gy = gy0 - 1; gy <= gy0 + 1; gy++) {
            var b = grid.get(gx * 1048576 + gy); if (!b) continue;
            for (var q = 0; q < b.length; q++) {
              j = b[q]; if (j === i) continue;
              var bx = x[i] - x[j], by = y[i] - y[j], e2 = bx * bx + by * by + 0.01;
              if (e2 > cell * cell) continue;
              var g = k2 / e2; dx[i] += bx * g; dy[i] += by * g;
            }
          }
        }
      }
      for (i = 0; i < pairs.length; i += 2) { // springs: d^2/K along the edge
        var s = pairs[i], t = pairs[i + 1], ex = x[s] - x[t], ey = y[s] - y[t];
        var d = Math.sqrt(ex * ex + ey * ey) + 0.01, fs = d / K;
        dx[s] -= ex * fs; dy[s] -= ey * fs; dx[t] += ex * fs; dy[t] += ey * fs;
      }
      for (i = 0; i < m; i++) { // a little gravity keeps loose branches near their story
        dx[i] -= x[i] * 0.02; dy[i] -= y[i] * 0.02;
        var mm = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (mm > 0) { var step = Math.min(mm, temp) / mm; x[i] += dx[i] * step; y[i] += dy[i] * step; }
      }
      temp = Math.max(temp - cool, K * 0.05);
    }
    if (m <= 300) { // then push apart nodes that still overlap (hubs are drawn larger)
      var rad = new Float64Array(m);
      for (i = 0; i < m; i++) rad[i] = nodeSize(deg[members[i]], true) / 2 + 8;
      for (var pass = 0; pass < 30; pass++) {
        var moved = false;
        for (i = 0; i < m; i++) for (j = i + 1; j < m; j++) {
          var ox = x[j] - x[i], oy = y[j] - y[i], od = Math.sqrt(ox * ox + oy * oy) || 0.01;
          var need = rad[i] + rad[j] - od;
          if (need > 0) { var push = need / 2 / od; x[i] -= ox * push; y[i] -= oy * push; x[j] += ox * push; y[j] += oy * push; moved = true; }
        }
        if (!moved) break;
      }
    }
    return { x: x, y: y };
  }

  function nodeSize(degree, actor) { return actor ? Math.min(70, 18 + 5 * Math.sqrt(degree)) : 14; }
  function fitBox(cy, box, pad) {
    var w = cy.width() - 2 * pad, h = cy.height() - 2 * pad;
    var z = Math.min(w / Math.max(box.x2 - box.x1, 1), h / Math.max(box.y2 - box.y1, 1));
    z = Math.max(cy.minZoom(), Math.min(1.6, z));
    cy.viewport({ zoom: z, pan: { x: pad + (w - z * (box.x2 - box.x1)) / 2 - z * box.x1,
                                  y: pad + (h - z * (box.y2 - box.y1)) / 2 - z * box.y1 } });
  }
  function union(boxes) {
    return boxes.reduce(function (u, b) {
      return { x1: Math.min(u.x1, b.x1), y1: Math.min(u.y1, b.y1), x2: Math.max(u.x2, b.x2), y2: Math.max(u.y2, b.y2) };
    }, { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity });
  }

  /* ---------- the graph view ---------- */
  var state = { data: null, cy: null, byId: {}, edgesOf: {}, view: 'graph', selected: null, hidden: {},
                endpoint: null, ranked: [], labelled: null, matches: {} };

  function buildGraph(data) {
    var t0 = performance.now(), box = $('cy');
    var lay = layoutStories(data.nodes, data.edges, Math.max(box.clientWidth, 1) / Math.max(box.clientHeight, 1),
                            Math.min(900, 150 + data.nodes.length * 0.04));
    TIMINGS.layout = performance.now() - t0;
    state.layout = lay;
    var big = data.nodes.length - lay.isolated.length > BIG, elements = [];
    data.nodes.forEach(function (n) {
      var p = lay.pos[n.id];
      if (!p) return; // isolated: listed in the panel, not drawn
      var dg = lay.degree[lay.index[n.id]];
      elements.push({ group: 'nodes', position: p, data: {
        id: n.id, label: n.label, kind: n.kind, category: n.category,
        size: nodeSize(dg, n.category === 'actor') } });
    });
    data.edges.forEach(function (e, i) {
      elements.push({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target, role: e.role } });
    });
    var style = [
      { selector: 'node', style: {
        'background-color': '#bbb', 'label': '', 'width': 'data(size)', 'height': 'data(size)',
        'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 2, 'text-wrap': 'ellipsis',
        'text-max-width': 160, 'color': '#111', 'text-outline-color': '#fff',
        'text-outline-width': 2, 'text-outline-opacity': 0.85, 'min-zoomed-font-size': MIN_FONT_PX } },
    ].concat(Object.keys(CONFIG.colours).map(function (k) { // plain selectors: no per-node functions
      return { selector: 'node[kind = "' + k + '"]', style: { 'background-color': CONFIG.colours[k] } };
    })).concat([
      { selector: 'node[category = "actor"]', style: { 'font-weight': 'bold' } },
      { selector: 'node[category = "event"]', style: { 'shape': 'round-rectangle' } },
      { selector: 'node.lab', style: { 'label': 'data(label)' } },
      { selector: 'edge', style: big
          ? { 'curve-style': 'haystack', 'width': 0.6, 'line-color': '#ccc' }
          : { 'curve-style': 'bezier', 'width': 1.2, 'line-color': '#bbb',
              'target-arrow-shape': 'triangle', 'target-arrow-color': '#bbb', 'arrow-scale': 0.7,
              'font-size': 9, 'color': '#666', 'text-rotation': 'autorotate',
              'min-zoomed-font-size': MIN_FONT_PX } },
      { selector: 'edge.near', style: { 'label': 'data(role)', 'line-color': '#777', 'target-arrow-color': '#777' } },
      { selector: '.faded', style: { 'opacity': 0.15 } },
      { selector: '.match', style: { 'border-width': 3, 'border-color': '#222' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000' } }
    ]);
    var cy = cytoscape({
      container: box, elements: elements, style: style, layout: { name: 'preset', fit: false },
      minZoom: 0.01, maxZoom: 6, pixelRatio: big ? 1 : 'auto',
      hideEdgesOnViewport: big, textureOnViewport: big, motionBlur: false
    });
    // First view: every story if that leaves the nodes visible, else the largest story.
    var all = union(lay.bounds);
    if (lay.bounds.length) {
      fitBox(cy, all, 30);
      if (cy.zoom() < 0.25 && lay.bounds.length > 1) fitBox(cy, lay.bounds[0], 30);
    }
    // label priority: actors before events, then by degree
    state.ranked = cy.nodes().sort(function (a, b) {
      var ca = a.data('category') === 'actor' ? 0 : 1, cb = b.data('category') === 'actor' ? 0 : 1;
      return ca - cb || lay.degree[lay.index[b.id()]] - lay.degree[lay.index[a.id()]] || cmp(a.id(), b.id());
    });
    state.labelled = cy.collection();
    TIMINGS.cytoscape = performance.now() - t0 - TIMINGS.layout;
    cy.on('tap', 'node', function (evt) { select(evt.target.id()); });
    var pending = null;
    cy.on('viewport resize', function () {
      if (pending) clearTimeout(pending);
      pending = setTimeout(function () { pending = null; placeLabels(); }, 60);
    });
    state.cy = cy;
    placeLabels();
    return cy;
  }

  // Label as many nodes as fit without overlap, most connected first, drawn at FONT_PX on
  // screen whatever the zoom; the selected node and search matches always get theirs.
  function placeLabels() {
    var cy = state.cy; if (!cy) return;
    var z = cy.zoom(), ext = cy.extent(), fs = FONT_PX / z, maxW = 170 / z;
    var budget = Math.max(15, Math.round(cy.width() * cy.height() / 16000));
    var placed = [], want = [], checked = 0;
    function tryPlace(node, force) {
      if (state.hidden[node.id()]) return false;
      var p = node.position(), r = node.data('size') / 2;
      if (!force && (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2)) return false;
      var w = Math.min(maxW, Array.from(node.data('label') || '').length * fs * 0.58), h = fs * 1.25;
      var box = { x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y + r, y2: p.y + r + h };
      if (!force) for (var i = 0; i < placed.length; i++) {
        var o = placed[i];
        if (box.x1 < o.x2 && o.x1 < box.x2 && box.y1 < o.y2 && o.y1 < box.y2) return false;
      }
      placed.push(box); want.push(node); return true;
    }
    var sel = state.selected && cy.getElementById(state.selected);
    if (sel && sel.length) tryPlace(sel, true);
    Object.keys(state.matches).slice(0, budget).forEach(function (id) {
      var m = cy.getElementById(id); if (m.length) tryPlace(m, false);
    });
    var ranked = state.ranked;
    for (var i = 0; i < ranked.length && want.length < budget && checked < 4000; i++) {
      var node = ranked[i], p = node.position();
      if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) continue;
      checked++; tryPlace(node, false);
    }
    var next = cy.collection(want);
    cy.batch(function () {
      state.labelled.difference(next).removeClass('lab').removeStyle('font-size text-max-width');
      next.addClass('lab').style({ 'font-size': fs, 'text-max-width': maxW });
    });
    state.labelled = next;
  }

  function indexData(data) {
    state.byId = {}; state.edgesOf = {};
    data.nodes.forEach(function (n) { state.byId[n.id] = n; state.edgesOf[n.id] = []; });
    data.edges.forEach(function (e) {
      state.edgesOf[e.source].push(e); state.edgesOf[e.target].push(e);
    });
    state.searchKeys = data.nodes.map(function (n) {
      var keys = [[n.label, '']];
      (n.prefLabels || []).concat(n.labels || []).forEach(function (p) { keys.push([p[0], p[1]]); });
      if (n.wikidata) keys.push([n.wikidata, '']);
      return { node: n, keys: keys.map(function (k) { return [fold(k[0]), k[0], k[1]]; }) };
    });
  }
  function fold(s) { // case- and accent-insensitive matching: "Türkiye" ~ "turkiye"
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  /* ---------- the side panel: a node, its evidence and its triples ---------- */
  function articleLine(ev) {
    var text = ev.headline || ev.url || ev.article || '';
    var href = safeHref(ev.url);
    var link = href ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: text })
                    : el('span', { text: text });
    var bits = [link];
    var meta = [ev.publisher, ev.published].filter(Boolean).join(', ');
    if (meta) bits.push(' (' + meta + ')');
    if (ev.url && ev.url !== text) bits.push(el('div', { text: ev.url }));
    return el('div', { className: 'source' }, ['Source: '].concat(bits));
  }
  function nodeLink(id) {
    var n = state.byId[id];
    return button(n ? n.label : tail(id), function () { select(id); });
  }
  function lit(v, lang) { return '“' + clip(String(v), 80) + '”' + (lang ? '@' + lang : ''); }
  // The node's triples as the store holds them (prefixed names; actors and events as links).
  function triples(n) {
    var rows = [], id = n.id;
    function t(p, o) { rows.push([p, o]); }
    t('rdf:type', 'kg:' + n.kind);
    if (n.category === 'actor') {
      (n.prefLabels || []).forEach(function (p) { t('skos:prefLabel', lit(p[0], p[1])); });
      (n.labels || []).forEach(function (p) { t('rdfs:label', lit(p[0], p[1])); });
      if (n.wikidata) t('owl:sameAs', 'wd:' + n.wikidata);
      if (n.articles) t('kg:mentionedIn', n.articles + ' article' + (n.articles === 1 ? '' : 's'));
      state.edgesOf[id].filter(function (e) { return e.target === id; }).forEach(function (e) {
        rows.push([nodeLink(e.source), 'kg:' + e.role, 'this']);
      });
    } else {
      if (n.date) t('kg:date', n.date);
      if (n.modality) t('kg:modality', 'kg:' + n.modality);
      if ('troopCount' in n) t('kg:troopCount', String(n.troopCount));
      if (n.countQualifier) t('kg:countQualifier', 'kg:' + n.countQualifier);
      if (n.unit) t('kg:unit', lit(n.unit));
      if (n.text) t('kg:text', lit(n.text));
      if ('isQuote' in n) t('kg:isQuote', String(n.isQuote));
      if (n.agreementName) t('kg:agreementName', lit(n.agreementName));
      state.edgesOf[id].filter(function (e) { return e.source === id; }).forEach(function (e) {
        t('kg:' + e.role, nodeLink(e.target));
      });
      if (n.evidence) t('kg:evidence', lit(n.evidence));
      if ('start' in n) { t('kg:startChar', String(n.start)); t('kg:endChar', String(n.end)); }
      if ('confidence' in n) t('kg:confidence', String(n.confidence));
      t('prov:wasDerivedFrom', button(n.headline || tail(n.article), function () { openArticle(n.article, id); }));
    }
    var tbody = el('tbody');
    rows.forEach(function (r) {
      var s = r.length === 3 ? r[0] : 'this', p = r.length === 3 ? r[1] : r[0], o = r.length === 3 ? r[2] : r[1];
      tbody.appendChild(el('tr', null, [el('td', null, [s]), el('td', { text: p }), el('td', null, [o])]));
    });
    return el('table', { className: 'triples' }, [tbody]);
  }
  function agentsWithClaims() {
    var count = {};
    state.data.nodes.forEach(function (n) {
      if (n.kind !== 'Deployment') return;
      state.edgesOf[n.id].forEach(function (e) {
        if (e.source === n.id && e.role === 'deployingActor') count[e.target] = (count[e.target] || 0) + 1;
      });
    });
    return count;
  }

  function showNode(id) {
    var n = state.byId[id], panel = $('detail');
    if (!n) return;
    clear(panel);
    panel.appendChild(el('h2', { text: n.label }));
    panel.appendChild(el('p', { className: 'kind', text: n.kind + (n.category === 'actor' ? '' : ' event') }));
    var dl = el('dl');
    function row(k, v) {
      if (v === undefined || v === null || v === '') return;
      dl.appendChild(el('dt', { text: k }));
      dl.appendChild(v instanceof Node ? el('dd', null, [v]) : el('dd', { text: String(v) }));
    }
    var actions = el('p', { className: 'actions' });
    if (n.category === 'actor') {
      if (n.wikidata) {
        row('Wikidata', /^Q\d+$/.test(n.wikidata)
          ? el('a', { href: 'https://www.wikidata.org/wiki/' + n.wikidata, target: '_blank',
                      rel: 'noopener noreferrer', text: n.wikidata }) : n.wikidata);
      }
      row('Articles', n.articles);
      panel.appendChild(dl);
      var claims = agentsWithClaims()[id];
      if (claims) actions.appendChild(button('Story: ' + claims + ' deployment claim' + (claims === 1 ? '' : 's'),
        function () { state.agent = id; state.dest = ''; setView('story'); }, 'action'));
      panel.appendChild(actions);
      panel.appendChild(el('h3', { text: 'Labels' }));
      panel.appendChild(el('ul', { className: 'labels' }, (n.labels || []).map(function (p) {
        return el('li', { text: p[0] + (p[1] ? ' (' + p[1] + ')' : '') });
      })));
    } else {
      row('Date', n.date); row('Modality', n.modality);
      if ('troopCount' in n) row('Troops', (n.countQualifier ? n.countQualifier + ' ' : '') + fmtInt(n.troopCount));
      row('Unit', n.unit); row('Claimed by', n.claimant); row('Agreement', n.agreementName);
      if (n.text) row(n.isQuote ? 'Quote' : 'Words', n.text);
      row('Confidence', n.confidence);
      state.edgesOf[id].filter(function (e) { return e.source === id; }).forEach(function (e) {
        row(e.role, state.byId[e.target].label);
      });
      panel.appendChild(dl);
      actions.appendChild(button('Open the article', function () { openArticle(n.article, id); }, 'action'));
      var agent = state.edgesOf[id].filter(function (e) { return e.source === id && e.role === 'deployingActor'; })[0];
      if (agent) actions.appendChild(button('Story of ' + state.byId[agent.target].label, function () {
        state.agent = agent.target; state.dest = ''; setView('story'); }, 'action'));
      panel.appendChild(actions);
    }
    var events = n.category === 'event' ? [[null, n]] : state.edgesOf[id]
      .filter(function (e) { return e.target === id; })
      .map(function (e) { return [e.role, state.byId[e.source]]; });
    panel.appendChild(el('h3', { text: 'Evidence (' + events.length + ')' }));
    var ul = el('ul', { className: 'evidence-list' });
    events.forEach(function (pair) {
      var ev = pair[1];
      var head = (pair[0] ? pair[0] + ' in ' : '') + ev.kind + (ev.date ? ', ' + ev.date : '');
      ul.appendChild(el('li', { className: 'evidence' }, [
        el('div', { className: 'what' }, [head + ' ', n.category === 'actor' ? button('open', function () { select(ev.id); }) : null]),
        el('blockquote', { text: ev.evidence || '(no evidence sentence)' }),
        articleLine(ev)
      ]));
    });
    panel.appendChild(ul);
    panel.appendChild(el('h3', { text: 'Triples' }));
    panel.appendChild(triples(n));
  }

  function showOverview() {
    var panel = $('detail'); clear(panel);
    var lay = state.layout;
    panel.appendChild(el('p', { className: 'hint', text: 'Click a node, a search result or a highlight to see its labels, evidence and triples.' }));
    if (!lay) return;
    panel.appendChild(el('p', { text: lay.components.length + ' connected stories; the largest has ' +
      fmtInt((lay.components[0] || []).length) + ' nodes.' }));
    var iso = lay.isolated.slice().sort(function (a, b) { return (b.articles || 0) - (a.articles || 0) || cmp(a.label, b.label); });
    panel.appendChild(el('h3', { text: 'Not in any event (' + iso.length + ')' }));
    panel.appendChild(el('p', { className: 'hint', text: 'Actors only mentioned: kept out of the picture, listed here (most mentioned first).' }));
    var ul = el('ul', { className: 'isolated' });
    iso.slice(0, 200).forEach(function (n) {
      ul.appendChild(el('li', null, [nodeLink(n.id), ' ' + n.kind + (n.articles ? ', ' + n.articles + ' article' + (n.articles === 1 ? '' : 's') : '')]));
    });
    if (iso.length > 200) ul.appendChild(el('li', { text: '… ' + (iso.length - 200) + ' more: search finds them' }));
    panel.appendChild(ul);
  }

  function select(id) {
    state.selected = id || null;
    if (id) showNode(id); else showOverview();
    if (state.cy) {
      state.cy.$(':selected').unselect();
      state.cy.edges('.near').removeClass('near');
      if (id) state.cy.getElementById(id).select().connectedEdges().addClass('near');
      placeLabels();
    }
    writeHash();
  }

  /* ---------- filters and search ---------- */
  function activeKinds() {
    var on = {};
    Array.prototype.forEach.call(document.querySelectorAll('#kinds input'), function (c) {
      on[c.value] = c.checked;
    });
    return on;
  }
  function eventVisible(n, kinds, since, until) {
    if (kinds[n.kind] === false) return false;
    if (since || until) {
      var r = dayRange(when(n));
      if (!r) return false;
      if (since && r[1] < since) return false;
      if (until && r[0] > until) return false;
    }
    return true;
  }
  function visibleEvents() {
    var kinds = activeKinds(), since = $('since').value, until = $('until').value;
    return state.data.nodes.filter(function (n) {
      return n.category === 'event' && eventVisible(n, kinds, since, until);
    });
  }
  function applyFilters() {
    var kinds = activeKinds(), since = $('since').value, until = $('until').value;
    var filtering = since || until || CONFIG.eventKinds.some(function (k) { return !kinds[k]; });
    var show = {};
    visibleEvents().forEach(function (n) {
      show[n.id] = true;
      state.edgesOf[n.id].forEach(function (e) { show[e.target] = true; });
    });
    var cy = state.cy, hidden = {}, any = false;
    if (filtering || CONFIG.actorKinds.some(function (k) { return !kinds[k]; })) {
      cy.nodes().forEach(function (node) {
        var n = state.byId[node.id()];
        if (!(kinds[n.kind] !== false && (show[n.id] || (n.category === 'actor' && !filtering)))) {
          hidden[n.id] = true; any = true;
        }
      });
    }
    if (any || state.anyHidden) { // restyle only when something is or was hidden: cheap at 20k nodes
      cy.batch(function () {
        cy.nodes().forEach(function (node) { node.style('display', hidden[node.id()] ? 'none' : 'element'); });
      });
    }
    state.hidden = hidden; state.anyHidden = any;
    placeLabels();
    if (state.view === 'story') drawStory();
    writeHash();
  }
  // Every label in every language (rdfs:label and skos:prefLabel), case- and accent-folded.
  function searchNodes(q) {
    var f = fold(q.trim()), hits = [];
    if (!f) return hits;
    state.searchKeys.forEach(function (s) {
      var best = null;
      s.keys.forEach(function (k) {
        var at = k[0].indexOf(f);
        if (at < 0) return;
        var score = k[0] === f ? 0 : at === 0 ? 1 : 2;
        if (!best || score < best.score) best = { score: score, form: k[1], lang: k[2] };
      });
      if (!best && s.node.evidence && fold(s.node.evidence).indexOf(f) >= 0)
        best = { score: 3, form: null, lang: '' };
      if (best) { best.node = s.node; hits.push(best); }
    });
    hits.sort(function (a, b) {
      return a.score - b.score || (a.node.category === 'actor' ? 0 : 1) - (b.node.category === 'actor' ? 0 : 1) ||
        (b.node.articles || 0) - (a.node.articles || 0) || cmp(a.node.label, b.node.label);
    });
    return hits;
  }
  function search() {
    var q = $('search').value, cy = state.cy, hits = searchNodes(q), box = $('results');
    state.matches = {};
    hits.forEach(function (h) { state.matches[h.node.id] = true; });
    var was = state.searched; state.searched = !!q.trim();
    if (was || state.searched) cy.batch(function () {
      cy.elements().removeClass('faded match');
      if (!q.trim()) return;
      cy.nodes().forEach(function (node) { node.addClass(state.matches[node.id()] ? 'match' : 'faded'); });
      cy.edges().addClass('faded');
    });
    clear(box);
    if (q.trim()) {
      box.appendChild(el('h3', { text: hits.length + ' match' + (hits.length === 1 ? '' : 'es') + ' for “' + q.trim() + '”' }));
      var ul = el('ul');
      hits.slice(0, 50).forEach(function (h) {
        var note = h.form && h.form !== h.node.label ? ' as “' + h.form + '”' + (h.lang ? ' (' + h.lang + ')' : '') :
                   h.score === 3 ? ' in its evidence' : '';
        ul.appendChild(el('li', { className: 'result' }, [nodeLink(h.node.id), ' ' + h.node.kind + note]));
      });
      if (hits.length > 50) ul.appendChild(el('li', { text: '… ' + (hits.length - 50) + ' more' }));
      box.appendChild(ul);
    }
    if (q.trim()) status(hits.length + ' match' + (hits.length === 1 ? '' : 'es'));
    else status(state.statusText, state.statusWarn);
    placeLabels();
    writeHash();
    return hits;
  }

  /* ---------- story view: every troop-count claim about one actor, over time (own SVG) ---------- */
  var PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d',
                 '#1f78b4', '#b15928', '#6a3d9a', '#33a02c', '#fb9a99'];
  function niceStep(range, ticks) {
    var raw = range / ticks, p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  }
  function roleTargets(id, role) {
    return state.edgesOf[id].filter(function (e) { return e.source === id && e.role === role; })
      .map(function (e) { return e.target; });
  }
  function claimantOf(n) { // a readable name, never a hash
    var c = roleTargets(n.id, 'claimedBy')[0];
    if (c) return { key: c, label: state.byId[c].label };
    var host = ''; try { host = /^https?:/.test(n.url || '') ? new URL(n.url).host : ''; } catch (e) { host = ''; }
    var who = n.publisher || host;
    return who ? { key: 'by:' + who, label: who + ' (unattributed)' }
               : { key: 'by:', label: 'Unattributed (the article itself)' };
  }
  function countText(n) {
    if (typeof n.troopCount !== 'number') return 'no number';
    var s = CONFIG.qualifierSigns[n.countQualifier || 'Exact'];
    return (s || '') + fmtInt(n.troopCount);
  }
  function storyClaims(agent, dest) {
    return visibleEvents().filter(function (n) {
      return n.kind === 'Deployment' && roleTargets(n.id, 'deployingActor').indexOf(agent) >= 0 &&
        (!dest || roleTargets(n.id, 'destination').indexOf(dest) >= 0);
    });
  }
  function fillSelect(sel, options, value) {
    clear(sel);
    options.forEach(function (o) { sel.appendChild(el('option', { value: o[0], text: o[1] })); });
    sel.value = value;
  }
  function drawStory() {
    var box = $('story'); clear(box);
    var counts = agentsWithClaims();
    var agents = Object.keys(counts).sort(function (a, b) {
      return counts[b] - counts[a] || cmp(state.byId[a].label, state.byId[b].label);
    });
    if (!agents.length) { box.appendChild(el('p', { className: 'empty', text: 'No deployment in the graph.' })); return; }
    if (!state.agent || !counts[state.agent]) state.agent = agents[0];
    fillSelect($('agent'), agents.map(function (a) { return [a, state.byId[a].label + ' (' + counts[a] + ')']; }), state.agent);
    var dests = {};
    storyClaims(state.agent, '').forEach(function (n) {
      roleTargets(n.id, 'destination').forEach(function (d) { dests[d] = (dests[d] || 0) + 1; });
    });
    if (state.dest && !dests[state.dest]) state.dest = '';
    fillSelect($('dest'), [['', 'any destination']].concat(Object.keys(dests).sort(function (a, b) {
      return dests[b] - dests[a] || cmp(state.byId[a].label, state.byId[b].label);
    }).map(function (d) { return [d, state.byId[d].label + ' (' + dests[d] + ')']; })), state.dest);
    var agentLabel = state.byId[state.agent].label;
    var claims = storyClaims(state.agent, state.dest);
    box.appendChild(el('h2', { text: 'Troop-count claims about ' + agentLabel +
      (state.dest ? ' in ' + state.byId[state.dest].label : '') + ', one series per claimant' }));
    var series = {}, order = [];
    claims.forEach(function (n) {
      var c = claimantOf(n);
      if (!series[c.key]) { series[c.key] = { label: c.label, claims: [] }; order.push(c.key); }
      series[c.key].claims.push(n);
    });
    order.sort(function (a, b) { return cmp(series[a].label, series[b].label); });
    order.forEach(function (k, i) { series[k].colour = PALETTE[i % PALETTE.length]; });
    var plotted = [];
    claims.forEach(function (n) {
      if (typeof n.troopCount !== 'number') return;
      var r = dayRange(n.date), undated = !r;
      if (undated) r = dayRange(n.published);
      if (!r) return;
      plotted.push({ n: n, r: r, undated: undated, s: series[claimantOf(n).key] });
    });
    if (plotted.length) box.appendChild(storyChart(plotted, agentLabel));
    else box.appendChild(el('p', { className: 'empty', text: 'No dated claim with a number to plot.' }));
    var legend = el('ul', { className: 'legend' });
    order.forEach(function (k) {
      var sw = el('span', { className: 'swatch' }); sw.style.background = series[k].colour;
      legend.appendChild(el('li', { 'data-series': series[k].label }, [sw, series[k].label + ' (' + series[k].claims.length + ')']));
    });
    box.appendChild(legend);
    box.appendChild(el('p', { className: 'hint', text: '● asserted  ○ possible or planned  ✕ denied  □ undated: drawn at the article’s publication date.  ' +
      'A bar spans a month or a year when that is all the date says.  ~ about, ≥ at least, ≤ up to, > more than.' }));
    var dated = claims.filter(function (n) { return n.date; }), undated = claims.filter(function (n) { return !n.date; });
    dated.sort(function (a, b) { return cmp(a.date, b.date) || cmp(a.id, b.id); });
    undated.sort(function (a, b) { return cmp(a.published || '', b.published || '') || cmp(a.id, b.id); });
    box.appendChild(el('h3', { text: 'Dated claims (' + dated.length + ')' }));
    box.appendChild(claimTable(dated, 'date'));
    box.appendChild(el('h3', { text: 'Undated claims (' + undated.length + ')' }));
    box.appendChild(undated.length ? claimTable(undated, 'undated') :
      el('p', { className: 'hint', text: 'Every claim here has a date.' }));
  }
  function claimTable(claims, cls) {
    var head = el('tr', null, ['Date', 'Claimant', 'Troops', 'Modality', 'Destination', 'Evidence', 'Source']
      .map(function (h) { return el('th', { text: h }); }));
    var body = el('tbody');
    claims.forEach(function (n) {
      var dest = roleTargets(n.id, 'destination').map(function (d) { return state.byId[d].label; }).join(', ');
      var tr = el('tr', { 'data-event': n.id }, [
        el('td', { text: n.date || 'undated' + (n.published ? ' (published ' + n.published + ')' : '') }),
        el('td', { text: claimantOf(n).label }),
        el('td', { text: countText(n) + (n.countQualifier ? ' (' + n.countQualifier + ')' : '') }),
        el('td', { text: n.modality || '' }),
        el('td', { text: dest }),
        el('td', { className: 'ev', text: n.evidence || '' }),
        el('td', null, [button('article', function () { openArticle(n.article, n.id); })])
      ]);
      tr.addEventListener('click', function (e) { if (e.target.tagName !== 'BUTTON') select(n.id); });
      body.appendChild(tr);
    });
    return el('table', { className: 'claims ' + cls }, [el('thead', null, [head]), body]);
  }
  function storyChart(plotted, agentLabel) {
    var W = 900, H = 420, L = 70, R = 30, T = 20, B = 50, DAY = 864e5;
    var t0 = Infinity, t1 = -Infinity, vmax = 0;
    plotted.forEach(function (p) {
      p.a = dayMs(p.r[0]); p.b = dayMs(p.r[1]); p.t = (p.a + p.b) / 2;
      t0 = Math.min(t0, p.a); t1 = Math.max(t1, p.b); vmax = Math.max(vmax, p.n.troopCount);
    });
    var padT = Math.max((t1 - t0) * 0.05, 3 * DAY); t0 -= padT; t1 += padT;
    var step = niceStep(vmax || 1, 5), ymax = Math.ceil((vmax || 1) * 1.15 / step) * step;
    function X(t) { return L + (t - t0) / (t1 - t0) * (W - L - R); }
    function Y(v) { return H - B - v / ymax * (H - T - B); }
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img' });
    root.appendChild(svg('title', {}, 'Troop-count claims about ' + agentLabel + ' over time'));
    var axes = svg('g', { 'class': 'axis' });
    for (var v = 0; v <= ymax + 1e-9; v += step) {
      axes.appendChild(svg('line', { 'class': 'grid', x1: L, x2: W - R, y1: Y(v), y2: Y(v) }));
      axes.appendChild(svg('text', { x: L - 6, y: Y(v) + 4, 'text-anchor': 'end' }, fmtInt(Math.round(v))));
    }
    var tstep = Math.max(1, Math.round(niceStep((t1 - t0) / DAY, 6))) * DAY;
    for (var t = Math.ceil(t0 / tstep) * tstep; t <= t1; t += tstep) {
      axes.appendChild(svg('line', { x1: X(t), x2: X(t), y1: H - B, y2: H - B + 5 }));
      axes.appendChild(svg('text', { x: X(t), y: H - B + 18, 'text-anchor': 'middle' }, new Date(t).toISOString().slice(0, 10)));
    }
    axes.appendChild(svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B }));
    axes.appendChild(svg('line', { x1: L, x2: L, y1: T, y2: H - B }));
    var mid = T + (H - T - B) / 2;
    axes.appendChild(svg('text', { x: 14, y: mid, transform: 'rotate(-90 14 ' + mid + ')', 'text-anchor': 'middle' }, 'troops'));
    root.appendChild(axes);
    var groups = new Map();
    plotted.forEach(function (p) { var g = groups.get(p.s) || []; g.push(p); groups.set(p.s, g); });
    var labelled = plotted.length <= 40;
    groups.forEach(function (pts, s) {
      var g = svg('g', { 'class': 'series', 'data-series': s.label });
      g.appendChild(svg('title', {}, s.label));
      var line = pts.filter(function (p) { return !p.undated; }).sort(function (a, b) { return a.t - b.t; });
      if (line.length > 1) g.appendChild(svg('polyline', { stroke: s.colour, points: line.map(function (p) {
        return X(p.t) + ',' + Y(p.n.troopCount); }).join(' ') }));
      pts.forEach(function (p) {
        var x = X(p.t), y = Y(p.n.troopCount), m = p.n.modality || 'Asserted', mark;
        if (p.b > p.a) g.appendChild(svg('line', { 'class': 'range', x1: X(p.a), x2: X(p.b), y1: y, y2: y, stroke: s.colour }));
        if (p.undated) mark = svg('rect', { x: x - 5, y: y - 5, width: 10, height: 10, fill: '#fff', stroke: s.colour, 'stroke-width': 2 });
        else if (m === 'Denied') mark = svg('path', { d: 'M' + (x - 5) + ',' + (y - 5) + 'l10,10m0,-10l-10,10', stroke: s.colour, 'stroke-width': 3 });
        else if (m === 'Asserted') mark = svg('circle', { cx: x, cy: y, r: 5, fill: s.colour });
        else mark = svg('circle', { cx: x, cy: y, r: 5, fill: '#fff', stroke: s.colour, 'stroke-width': 2 });
        mark.setAttribute('class', 'claim');
        mark.setAttribute('data-event', p.n.id);
        mark.appendChild(svg('title', {}, s.label + ': ' + countText(p.n) + ', ' + m.toLowerCase() + ' (' +
          (p.n.date || 'undated, published ' + p.n.published) + ')\n' + (p.n.evidence || '')));
        mark.addEventListener('click', function () { select(p.n.id); });
        g.appendChild(mark);
        if (labelled) g.appendChild(svg('text', { x: x + 7, y: y - 7, 'class': 'value' }, countText(p.n)));
      });
      root.appendChild(g);
    });
    return root;
  }

  /* ---------- article view: the cleaned text with its evidence and mentions (as displaCy) ---------- */
  function unitOffsets(text) { // code-point offsets (Python's) -> UTF-16 offsets (JavaScript's)
    if (!/[\uD800-\uDFFF]/.test(text)) return function (i) { return i; };
    var map = [0], u = 0;
    Array.from(text).forEach(function (ch) { u += ch.length; map.push(u); });
    return function (i) { return map[Math.max(0, Math.min(i, map.length - 1))]; };
  }
  var WORDCHAR = /[\p{L}\p{N}]/u;
  function findMentions(text, actorIds) {
    var found = [];
    actorIds.forEach(function (id) {
      var n = state.byId[id]; if (!n) return;
      var forms = {};
      (n.labels || []).concat(n.prefLabels || []).forEach(function (p) { if (p[0].length >= 2) forms[p[0]] = true; });
      Object.keys(forms).forEach(function (f) {
        for (var at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) {
          var before = text.charAt(at - 1), after = text.charAt(at + f.length);
          if ((before && WORDCHAR.test(before)) || (after && WORDCHAR.test(after))) continue;
          found.push({ s: at, e: at + f.length, id: id });
        }
      });
    });
    found.sort(function (a, b) { return (b.e - b.s) - (a.e - a.s) || a.s - b.s; });
    var kept = [];
    found.forEach(function (m) {
      if (!kept.some(function (k) { return m.s < k.e && k.s < m.e; })) kept.push(m);
    });
    return kept.sort(function (a, b) { return a.s - b.s; });
  }
  function articleEvents(iri) {
    return state.data.nodes.filter(function (n) { return n.category === 'event' && n.article === iri; });
  }
  function articleOptions() {
    var seen = {};
    state.data.nodes.forEach(function (n) {
      if (n.category === 'event' && !seen[n.article]) seen[n.article] = n;
    });
    Object.keys(state.data.articles || {}).forEach(function (a) { if (!seen[a]) seen[a] = { article: a }; });
    return Object.keys(seen).map(function (a) {
      var n = seen[a];
      return [a, (n.published ? n.published + ' ' : '') + clip(n.headline || n.url || tail(a), 70)];
    }).sort(function (a, b) { return cmp(b[1], a[1]); });
  }
  function openArticle(iri, focus) { state.article = iri; state.focus = focus || null; setView('article'); }
  function drawArticle() {
    var box = $('article'); clear(box);
    var opts = articleOptions();
    if (!opts.length) { box.appendChild(el('p', { className: 'empty', text: 'No article in the graph.' })); return; }
    if (!state.article || !opts.some(function (o) { return o[0] === state.article; })) state.article = opts[0][0];
    fillSelect($('article-pick'), opts, state.article);
    var iri = state.article, focus = state.focus;
    box.appendChild(el('p', { className: 'hint', text: 'loading the article…' }));
    fetchArticleText(iri).then(function (a) {
      if (iri !== state.article) return;
      clear(box);
      renderArticle(box, iri, a, focus);
    }, function (err) {
      clear(box);
      box.appendChild(el('p', { className: 'empty', text: 'could not load the article: ' + err.message }));
    });
  }
  function renderArticle(box, iri, a, focus) {
    var events = articleEvents(iri), meta = events[0] || {};
    box.appendChild(el('h2', { text: meta.headline || tail(iri) }));
    box.appendChild(articleLine(meta.article ? meta : { article: iri }));
    var legend = el('p', { className: 'kinds-legend' });
    CONFIG.eventKinds.concat(CONFIG.actorKinds).forEach(function (k) {
      var sw = el('span', { className: 'swatch' }); sw.style.background = CONFIG.colours[k]; legend.appendChild(el('span', null, [sw, k + ' ']));
    });
    box.appendChild(legend);
    var text = a.text;
    if (!text) {
      box.appendChild(el('p', { className: 'empty', text: 'The store holds no text for this article; its evidence sentences:' }));
      box.appendChild(el('ul', null, events.map(function (n) { return el('li', null, [nodeLink(n.id), ': ' + (n.evidence || '')]); })));
      return;
    }
    var U = unitOffsets(text), spans = [];
    events.forEach(function (n) {
      if (typeof n.start === 'number' && n.end > n.start) spans.push({ s: U(n.start), e: U(n.end), n: n });
    });
    var actorIds = {};
    (a.actors || []).forEach(function (id) { actorIds[id] = true; });
    events.forEach(function (n) { state.edgesOf[n.id].forEach(function (e) { if (e.source === n.id) actorIds[e.target] = true; }); });
    var mentions = findMentions(text, Object.keys(actorIds));
    var cuts = { 0: true }; cuts[text.length] = true;
    spans.forEach(function (sp) { cuts[sp.s] = true; cuts[sp.e] = true; });
    var bounds = Object.keys(cuts).map(Number).sort(function (x, y) { return x - y; });
    var doc = el('div', { className: 'doc', lang: a.lang || '' });
    var mi = 0;
    for (var b = 0; b + 1 < bounds.length; b++) {
      var s0 = bounds[b], s1 = bounds[b + 1];
      var cover = spans.filter(function (sp) { return sp.s <= s0 && sp.e >= s1; });
      var host = doc;
      if (cover.length) {
        host = el('span', { className: 'ev ev-' + cover[0].n.kind + (cover.some(function (c) { return c.n.id === focus; }) ? ' focus' : ''),
                            'data-events': cover.map(function (c) { return c.n.id; }).join(' '),
                            title: cover.map(function (c) { return c.n.kind + ': ' + c.n.label; }).join('\n') });
        host.style.borderBottomColor = CONFIG.colours[cover[0].n.kind] || '#999';
        (function (ids) {
          host.addEventListener('click', function () { select(ids.indexOf(focus) >= 0 ? focus : ids[0]); });
        })(cover.map(function (c) { return c.n.id; }));
        doc.appendChild(host);
      }
      var pos = s0;
      while (mi < mentions.length && mentions[mi].e <= s0) mi++;
      for (var j = mi; j < mentions.length && mentions[j].s < s1; j++) {
        var m = mentions[j], ms = Math.max(m.s, s0), me = Math.min(m.e, s1);
        if (ms > pos) host.appendChild(document.createTextNode(text.slice(pos, ms)));
        var actor = state.byId[m.id];
        var mark = el('mark', { className: 'ent', 'data-node': m.id, title: actor.label + ' (' + actor.kind + ')' },
                      [text.slice(ms, me), el('span', { className: 'tag', text: actor.kind })]);
        mark.style.borderColor = CONFIG.colours[actor.kind] || '#999';
        (function (id) { mark.addEventListener('click', function (e) { e.stopPropagation(); select(id); }); })(m.id);
        host.appendChild(mark);
        pos = me;
      }
      if (pos < s1) host.appendChild(document.createTextNode(text.slice(pos, s1)));
    }
    box.appendChild(doc);
    box.appendChild(el('h3', { text: 'Events in this article (' + events.length + ')' }));
    box.appendChild(el('ul', { className: 'article-events' }, events.map(function (n) {
      return el('li', null, [nodeLink(n.id), ' ' + n.kind + (n.date ? ', ' + n.date : '')]);
    })));
    var f = focus && doc.querySelector('.ev.focus');
    if (f) f.scrollIntoView({ block: 'center' });
  }

  /* ---------- permalink: the URL hash holds the view, selection, search and filters ---------- */
  var restoring = false;
  function writeHash() {
    if (restoring || !state.data) return;
    var p = new URLSearchParams();
    if (state.view !== 'graph') p.set('view', state.view);
    if (state.selected) p.set('node', state.selected);
    if ($('search').value.trim()) p.set('q', $('search').value.trim());
    var off = Object.keys(activeKinds()).filter(function (k) { return !activeKinds()[k]; });
    if (off.length) p.set('hide', off.join(','));
    if ($('since').value) p.set('since', $('since').value);
    if ($('until').value) p.set('until', $('until').value);
    if (state.view === 'story' && state.agent) { p.set('agent', state.agent); if (state.dest) p.set('dest', state.dest); }
    if (state.view === 'article' && state.article) p.set('article', state.article);
    var h = p.toString();
    if (location.hash.slice(1) !== h) history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
    $('permalink').href = location.href;
  }
  function applyHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    restoring = true;
    try {
      var hide = (p.get('hide') || '').split(',');
      Array.prototype.forEach.call(document.querySelectorAll('#kinds input'), function (c) {
        c.checked = hide.indexOf(c.value) < 0;
      });
      $('since').value = p.get('since') || ''; $('until').value = p.get('until') || '';
      applyFilters();
      $('search').value = p.get('q') || ''; search();
      state.agent = p.get('agent') || state.agent; state.dest = p.get('dest') || '';
      state.article = p.get('article') || state.article;
      var node = p.get('node');
      select(node && state.byId[node] ? node : null);
      if (node && state.byId[node] && p.get('view') !== 'article' && state.byId[node].category === 'event') state.focus = node;
      setView(['graph', 'story', 'article'].indexOf(p.get('view')) >= 0 ? p.get('view') : 'graph');
      if (node && state.cy && (p.get('view') || 'graph') === 'graph') {
        var n = state.cy.getElementById(node);
        if (n.length) state.cy.center(n);
      }
    } finally { restoring = false; }
    writeHash();
  }

  /* ---------- wiring ---------- */
  function setView(name) {
    state.view = name;
    ['graph', 'story', 'article'].forEach(function (v) {
      $(v + '-view').hidden = v !== name;
      $('view-' + v).classList.toggle('active', v === name);
    });
    if (name === 'story') drawStory();
    else if (name === 'article') drawArticle();
    else if (state.cy) { state.cy.resize(); placeLabels(); }
    writeHash();
  }
  function buildControls() {
    var kinds = CONFIG.eventKinds.concat(CONFIG.actorKinds), box = $('kinds');
    kinds.forEach(function (k) {
      var cb = el('input', { type: 'checkbox', value: k }); cb.checked = true;
      cb.addEventListener('change', applyFilters);
      var sw = el('span', { className: 'swatch' }); sw.style.background = CONFIG.colours[k];
      box.appendChild(el('label', null, [cb, sw, k]));
    });
    $('since').addEventListener('change', applyFilters);
    $('until').addEventListener('change', applyFilters);
    $('search').addEventListener('input', search);
    $('search').addEventListener('keydown', function (e) {
      if (e.key !== 'Enter') return;
      var hits = search();
      if (!hits.length) return;
      var id = hits[0].node.id, n = state.cy.getElementById(id);
      if (n.length && state.view === 'graph') state.cy.animate({ center: { eles: n }, zoom: Math.max(state.cy.zoom(), 1.2) }, { duration: 200 });
      select(id);
    });
    ['graph', 'story', 'article'].forEach(function (v) {
      $('view-' + v).addEventListener('click', function () { setView(v); });
    });
    $('agent').addEventListener('change', function () { state.agent = $('agent').value; state.dest = ''; drawStory(); writeHash(); });
    $('dest').addEventListener('change', function () { state.dest = $('dest').value; drawStory(); writeHash(); });
    $('article-pick').addEventListener('change', function () { openArticle($('article-pick').value); });
    window.addEventListener('hashchange', applyHash);
  }

  function start() {
    buildControls();
    loadData().then(function (res) {
      var data = res.data || { nodes: [], edges: [] };
      data.articles = data.articles || {};
      state.data = data; state.endpoint = res.endpoint || null; indexData(data);
      var events = data.nodes.filter(function (n) { return n.category === 'event'; }).length;
      state.statusText = (data.nodes.length - events) + ' actors, ' + events + ' events from ' + res.from;
      if (res.warn) state.statusText = res.warn + ' (' + state.statusText + ')';
      state.statusWarn = !!res.warn;
      status(state.statusText, state.statusWarn);
      buildGraph(data);
      window.__warta = { cy: state.cy, data: data, source: res.from, showNode: showNode, select: select,
                         setView: setView, openArticle: openArticle, rowsToData: rowsToData,
                         search: searchNodes, state: state, timings: TIMINGS };
      TIMINGS.built = performance.now();
      applyHash();
      TIMINGS.restored = performance.now();
      state.cy.one('render', function () {
        TIMINGS.firstRender = performance.now();
        requestAnimationFrame(function () { window.__wartaReady = performance.now(); });
      });
      state.cy.forceRender();
    }).catch(function (err) {
      status('could not load the graph: ' + err.message, true);
      window.__wartaError = String(err.message);
      window.__wartaReady = performance.now();
    });
  }
  start();
})();
