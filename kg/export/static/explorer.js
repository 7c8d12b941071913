/* Warta explorer: the graph (Cytoscape.js), a side panel with evidence, and the troop-count
 * claims over time. Data comes from the embedded JSON, or live from a SPARQL endpoint
 * (?endpoint=URL) with the same queries as kg/export/graph.py.
 *
 * Article text is untrusted: every label and sentence reaches the DOM through textContent or
 * createTextNode (never innerHTML), and links are made only for http(s) and file URLs. */
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var SVGNS = 'http://www.w3.org/2000/svg';
  var CONFIG = JSON.parse($('warta-config').textContent);
  var EMBEDDED = JSON.parse($('warta-data').textContent);
  var BIG = 300; // above this many nodes: precomputed fast force layout instead of cose
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
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
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

  /* ---------- loading: endpoint rows -> data (mirror of graph.py rows_to_data) ---------- */
  function fetchRows(endpoint) {
    var names = Object.keys(CONFIG.queries);
    return Promise.all(names.map(function (name) {
      return fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded',
                   'Accept': 'application/sparql-results+json' },
        body: 'query=' + encodeURIComponent(CONFIG.queries[name])
      }).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status + ' for query ' + name);
        return r.json();
      }).then(function (j) {
        return j.results.bindings.map(function (b) {
          var row = {};
          Object.keys(b).forEach(function (k) { row[k] = b[k].value; });
          return row;
        });
      });
    })).then(function (lists) {
      var rows = {};
      names.forEach(function (n, i) { rows[n] = lists[i]; });
      return rows;
    });
  }

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function group(rows, key) {
    var out = {};
    rows.forEach(function (r) {
      var m = out[r[key]] || (out[r[key]] = {});
      Object.keys(r).forEach(function (k) { if (!(k in m) || r[k] < m[k]) m[k] = r[k]; });
    });
    return out;
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
      var pairs = Object.keys(labels[iri]).map(function (s) { return JSON.parse(s); })
        .sort(function (a, b) { return cmp(a[0], b[0]) || cmp(a[1], b[1]); });
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
    return { nodes: order.map(function (i) { return nodes[i]; }), edges: edges };
  }

  function loadData() {
    var param = new URLSearchParams(location.search).get('endpoint');
    var endpoint = param || CONFIG.endpoint;
    if (!endpoint) return Promise.resolve({ data: EMBEDDED, from: 'embedded data' });
    return fetchRows(endpoint).then(function (rows) {
      return { data: rowsToData(rows), from: endpoint };
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

  /* ---------- layout for big graphs: seeded positions + a few grid-based force passes ---------- */
  function fastLayout(nodes, edges, budgetMs) {
    var t0 = performance.now(), n = nodes.length, idx = {}, i;
    nodes.forEach(function (d, j) { idx[d.id] = j; });
    var x = new Float64Array(n), y = new Float64Array(n), deg = new Int32Array(n);
    var es = [], et = [];
    edges.forEach(function (e) {
      var a = idx[e.source], b = idx[e.target];
      if (a === undefined || b === undefined) return;
      es.push(a); et.push(b); deg[a]++; deg[b]++;
    });
    var seed = 42;
    function rnd() { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; }
    var k = 40, golden = Math.PI * (3 - Math.sqrt(5));
    // actors on a sunflower spiral, hubs in the middle; events at the mean of their actors
    var actors = [];
    for (i = 0; i < n; i++) if (nodes[i].category !== 'event') actors.push(i);
    actors.sort(function (a, b) { return deg[b] - deg[a]; });
    actors.forEach(function (a, r) {
      var rad = k * 1.5 * Math.sqrt(r + 1);
      x[a] = rad * Math.cos(r * golden); y[a] = rad * Math.sin(r * golden);
    });
    var sx = new Float64Array(n), sy = new Float64Array(n), cnt = new Int32Array(n);
    for (i = 0; i < es.length; i++) { sx[es[i]] += x[et[i]]; sy[es[i]] += y[et[i]]; cnt[es[i]]++; }
    var spill = actors.length;
    for (i = 0; i < n; i++) {
      if (nodes[i].category !== 'event') continue;
      if (cnt[i]) {
        x[i] = sx[i] / cnt[i] + (rnd() - 0.5) * k * 2; y[i] = sy[i] / cnt[i] + (rnd() - 0.5) * k * 2;
      } else {
        var rr = k * 1.5 * Math.sqrt(++spill);
        x[i] = rr * Math.cos(spill * golden); y[i] = rr * Math.sin(spill * golden);
      }
    }
    var dx = new Float64Array(n), dy = new Float64Array(n), temp = k * 2, cell = k * 2;
    for (var it = 0; it < 60 && performance.now() - t0 < budgetMs; it++) {
      dx.fill(0); dy.fill(0);
      var grid = new Map();
      for (i = 0; i < n; i++) {
        var key = Math.floor(x[i] / cell) + ',' + Math.floor(y[i] / cell);
        var bucket = grid.get(key); if (bucket) bucket.push(i); else grid.set(key, [i]);
      }
      for (i = 0; i < n; i++) { // repulsion from the 3x3 neighbouring cells only
        var cx = Math.floor(x[i] / cell), cy = Math.floor(y[i] / cell);
        for (var gx = cx - 1; gx <= cx + 1; gx++) for (var gy = cy - 1; gy <= cy + 1; gy++) {
          var b = grid.get(gx + ',' + gy); if (!b) continue;
          for (var q = 0; q < b.length; q++) {
            var j = b[q]; if (j === i) continue;
            var ddx = x[i] - x[j], ddy = y[i] - y[j], d2 = ddx * ddx + ddy * ddy + 0.01;
            if (d2 > cell * cell) continue;
            var f = k * k / d2; dx[i] += ddx * f; dy[i] += ddy * f;
          }
        }
      }
      for (i = 0; i < es.length; i++) { // springs
        var s = es[i], t = et[i], ex = x[s] - x[t], ey = y[s] - y[t];
        var d = Math.sqrt(ex * ex + ey * ey) + 0.01, fs = d / k;
        dx[s] -= ex * fs / deg[s]; dy[s] -= ey * fs / deg[s];
        dx[t] += ex * fs / deg[t]; dy[t] += ey * fs / deg[t];
      }
      for (i = 0; i < n; i++) {
        var m = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (m > 0) { var step = Math.min(m, temp) / m; x[i] += dx[i] * step; y[i] += dy[i] * step; }
      }
      temp *= 0.93;
    }
    var pos = {};
    for (i = 0; i < n; i++) pos[nodes[i].id] = { x: x[i], y: y[i] };
    return pos;
  }

  function fitToPositions(cy, pos, pad) {
    var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    Object.keys(pos).forEach(function (id) {
      var p = pos[id];
      if (p.x < x1) x1 = p.x; if (p.x > x2) x2 = p.x; if (p.y < y1) y1 = p.y; if (p.y > y2) y2 = p.y;
    });
    var w = cy.width() - 2 * pad, h = cy.height() - 2 * pad;
    var z = Math.min(w / Math.max(x2 - x1, 1), h / Math.max(y2 - y1, 1));
    z = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), z));
    cy.viewport({ zoom: z, pan: { x: pad + (w - z * (x2 - x1)) / 2 - z * x1,
                                  y: pad + (h - z * (y2 - y1)) / 2 - z * y1 } });
  }

  /* ---------- the graph view ---------- */
  var state = { data: null, cy: null, byId: {}, kinds: {}, edgesOf: {} };

  function buildGraph(data) {
    var big = data.nodes.length > BIG;
    var t0 = performance.now();
    var elements = [], pos = big ? fastLayout(data.nodes, data.edges, 250) : null;
    TIMINGS.layout = performance.now() - t0;
    data.nodes.forEach(function (n) {
      var e = { group: 'nodes', data: { id: n.id, label: n.label, kind: n.kind,
                                        category: n.category } };
      if (pos) e.position = pos[n.id];
      elements.push(e);
    });
    data.edges.forEach(function (e, i) {
      elements.push({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target,
                                              role: e.role } });
    });
    var style = [
      { selector: 'node', style: {
        'background-color': '#bbb',
        'label': big ? '' : 'data(label)', 'font-size': 10, 'text-wrap': 'ellipsis',
        'text-max-width': 140, 'text-valign': 'bottom', 'text-margin-y': 3,
        'width': 18, 'height': 18, 'min-zoomed-font-size': 6 } },
    ].concat(Object.keys(CONFIG.colours).map(function (k) { // plain selectors: no per-node functions
      return { selector: 'node[kind = "' + k + '"]', style: { 'background-color': CONFIG.colours[k] } };
    })).concat([
      { selector: 'node[category = "actor"]', style: { 'width': 26, 'height': 26,
        'label': big ? '' : 'data(label)', 'font-weight': 'bold' } },
      { selector: 'node.labelled', style: { 'label': 'data(label)' } },
      { selector: 'node[category = "event"]', style: { 'shape': 'round-rectangle' } },
      { selector: 'edge', style: big
          ? { 'curve-style': 'haystack', 'width': 0.6, 'line-color': '#ccc' }
          : { 'curve-style': 'bezier', 'width': 1.2, 'line-color': '#bbb',
              'target-arrow-shape': 'triangle', 'target-arrow-color': '#bbb', 'arrow-scale': 0.7,
              'label': 'data(role)', 'font-size': 8, 'color': '#888',
              'text-rotation': 'autorotate', 'min-zoomed-font-size': 7 } },
      { selector: '.faded', style: { 'opacity': 0.15 } },
      { selector: '.match', style: { 'border-width': 3, 'border-color': '#222' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000' } }
    ]);
    var cy = cytoscape({
      container: $('cy'), elements: elements, style: style,
      layout: big ? { name: 'preset', fit: false }
                  : { name: 'cose', animate: false, randomize: true, fit: true, padding: 30,
                      nodeRepulsion: function () { return 40000; }, idealEdgeLength: function () { return 90; },
                      nodeOverlap: 20, numIter: 1500 },
      minZoom: 0.02, maxZoom: 5, pixelRatio: big ? 1 : 'auto',
      hideEdgesOnViewport: big, textureOnViewport: big, motionBlur: false
    });
    if (pos) {
      fitToPositions(cy, pos, 20); // cheaper than fit: no label measuring of 5,000 nodes
      var labelled = false; // big graphs: actor labels appear once zoomed in far enough to read
      cy.on('zoom', function () {
        var want = cy.zoom() > 0.5;
        if (want !== labelled) {
          labelled = want;
          cy.nodes('[category = "actor"]')[want ? 'addClass' : 'removeClass']('labelled');
        }
      });
    }
    TIMINGS.cytoscape = performance.now() - t0 - TIMINGS.layout;
    cy.on('tap', 'node', function (evt) { showNode(evt.target.id()); });
    return cy;
  }

  function indexData(data) {
    state.byId = {}; state.edgesOf = {};
    data.nodes.forEach(function (n) { state.byId[n.id] = n; state.edgesOf[n.id] = []; });
    data.edges.forEach(function (e) {
      state.edgesOf[e.source].push(e); state.edgesOf[e.target].push(e);
    });
  }

  /* ---------- side panel ---------- */
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

  function showNode(id) {
    var n = state.byId[id], panel = $('panel');
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
    if (n.category === 'actor') {
      if (n.wikidata) {
        row('Wikidata', /^Q\d+$/.test(n.wikidata)
          ? el('a', { href: 'https://www.wikidata.org/wiki/' + n.wikidata, target: '_blank',
                      rel: 'noopener noreferrer', text: n.wikidata }) : n.wikidata);
      }
      row('Articles', n.articles);
      panel.appendChild(dl);
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
        el('div', { className: 'what', text: head }),
        el('blockquote', { text: ev.evidence || '(no evidence sentence)' }),
        articleLine(ev)
      ]));
    });
    panel.appendChild(ul);
    if (state.cy) { state.cy.$(':selected').unselect(); state.cy.getElementById(id).select(); }
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
    var cy = state.cy;
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var n = state.byId[node.id()];
        var vis = kinds[n.kind] !== false && (show[n.id] || (n.category === 'actor' && !filtering));
        node.style('display', vis ? 'element' : 'none');
      });
    });
    drawClaims();
  }
  function searchText(n) {
    var parts = [n.label, n.wikidata || '', n.kind];
    (n.labels || []).forEach(function (p) { parts.push(p[0]); });
    if (n.evidence) parts.push(n.evidence);
    return parts.join('\n').toLowerCase();
  }
  function search() {
    var q = $('search').value.trim().toLowerCase(), cy = state.cy, hits = [];
    cy.batch(function () {
      cy.elements().removeClass('faded match');
      if (!q) return;
      cy.nodes().forEach(function (node) {
        if (searchText(state.byId[node.id()]).indexOf(q) >= 0) { node.addClass('match'); hits.push(node); }
        else node.addClass('faded');
      });
      cy.edges().addClass('faded');
    });
    status(q ? hits.length + ' match' + (hits.length === 1 ? '' : 'es') : state.statusText);
    return hits;
  }

  /* ---------- claims over time (hand-written SVG) ---------- */
  function claimSeries() {
    var series = {}, order = [];
    visibleEvents().forEach(function (n) {
      if (n.kind !== 'Deployment' || typeof n.troopCount !== 'number') return;
      var r = dayRange(when(n)); if (!r) return;
      var claimant = state.edgesOf[n.id].filter(function (e) {
        return e.source === n.id && e.role === 'claimedBy';
      })[0];
      var key, label;
      if (claimant) { key = claimant.target; label = state.byId[claimant.target].label; }
      else {
        key = 'article:' + n.article;
        var host = ''; try { host = new URL(n.url).host; } catch (e) { host = ''; }
        label = (n.publisher || host || tail(n.article)) + ' (article)';
      }
      if (!series[key]) { series[key] = { key: key, label: label, points: [] }; order.push(key); }
      // a month- or year-precision date sits in the middle of its range
      var t = (Date.parse(r[0] + 'T00:00:00Z') + Date.parse(r[1] + 'T00:00:00Z')) / 2;
      series[key].points.push({ t: t, day: r[0], n: n });
    });
    return order.map(function (k) {
      var s = series[k];
      s.points.sort(function (a, b) { return a.t - b.t || a.n.troopCount - b.n.troopCount; });
      return s;
    });
  }
  var PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d',
                 '#1f78b4', '#b15928', '#6a3d9a', '#33a02c', '#fb9a99'];
  function niceStep(range, ticks) {
    var raw = range / ticks, p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  }
  function drawClaims() {
    var box = $('claims'); clear(box);
    var series = claimSeries();
    box.appendChild(el('h2', { text: 'Troop-count claims over time, one line per claimant' }));
    if (!series.length) {
      box.appendChild(el('p', { className: 'empty', text: 'No deployment with a troop count matches the filters.' }));
      return;
    }
    var pts = [].concat.apply([], series.map(function (s) { return s.points; }));
    var W = 900, H = 440, L = 70, R = 50, T = 20, B = 50, DAY = 864e5;
    var t0 = Math.min.apply(null, pts.map(function (p) { return p.t; }));
    var t1 = Math.max.apply(null, pts.map(function (p) { return p.t; }));
    var padT = Math.max((t1 - t0) * 0.05, 2 * DAY);
    t0 -= padT; t1 += padT;
    var vmax = Math.max.apply(null, pts.map(function (p) { return p.n.troopCount; }));
    var step = niceStep(vmax || 1, 5), ymax = Math.ceil((vmax || 1) * 1.1 / step) * step;
    function X(t) { return L + (t - t0) / (t1 - t0) * (W - L - R); }
    function Y(v) { return H - B - v / ymax * (H - T - B); }
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img' });
    root.appendChild(svg('title', {}, 'Troop-count claims over time'));
    var axes = svg('g', { 'class': 'axis' });
    for (var v = 0; v <= ymax + 1e-9; v += step) {
      axes.appendChild(svg('line', { 'class': 'grid', x1: L, x2: W - R, y1: Y(v), y2: Y(v) }));
      axes.appendChild(svg('text', { x: L - 6, y: Y(v) + 4, 'text-anchor': 'end' }, fmtInt(Math.round(v))));
    }
    var tstep = Math.max(1, Math.round(niceStep((t1 - t0) / DAY, 6))) * DAY; // whole days
    for (var t = Math.ceil(t0 / tstep) * tstep; t <= t1; t += tstep) {
      var d = new Date(t).toISOString().slice(0, 10);
      axes.appendChild(svg('line', { x1: X(t), x2: X(t), y1: H - B, y2: H - B + 5 }));
      axes.appendChild(svg('text', { x: X(t), y: H - B + 18, 'text-anchor': 'middle' }, d));
    }
    axes.appendChild(svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B }));
    axes.appendChild(svg('line', { x1: L, x2: L, y1: T, y2: H - B }));
    axes.appendChild(svg('text', { x: 14, y: T + (H - T - B) / 2, transform: 'rotate(-90 14 ' + (T + (H - T - B) / 2) + ')',
                                   'text-anchor': 'middle' }, 'troops'));
    root.appendChild(axes);
    series.forEach(function (s, si) {
      var colour = PALETTE[si % PALETTE.length];
      var g = svg('g', { 'class': 'series', 'data-series': s.label });
      g.appendChild(svg('title', {}, s.label));
      g.appendChild(svg('polyline', { stroke: colour, points: s.points.map(function (p) {
        return X(p.t) + ',' + Y(p.n.troopCount); }).join(' ') }));
      s.points.forEach(function (p) {
        var c = svg('circle', { cx: X(p.t), cy: Y(p.n.troopCount), r: 5, fill: colour, 'class': 'claim' });
        c.appendChild(svg('title', {}, s.label + ': ' + (p.n.countQualifier || '') + ' ' +
          fmtInt(p.n.troopCount) + ' (' + (p.n.date || 'published ' + p.n.published) + ')\n' +
          (p.n.evidence || '')));
        c.addEventListener('click', function () { showNode(p.n.id); });
        g.appendChild(c);
      });
      root.appendChild(g);
    });
    box.appendChild(root);
    var legend = el('ul', { className: 'legend' });
    series.forEach(function (s, si) {
      var sw = el('span', { className: 'swatch' });
      sw.style.background = PALETTE[si % PALETTE.length];
      legend.appendChild(el('li', null, [sw, s.label + ' (' + s.points.length + ')']));
    });
    box.appendChild(legend);
  }

  /* ---------- wiring ---------- */
  function setView(name) {
    $('graph-view').hidden = name !== 'graph';
    $('claims-view').hidden = name !== 'claims';
    $('view-graph').classList.toggle('active', name === 'graph');
    $('view-claims').classList.toggle('active', name === 'claims');
    if (name === 'claims') drawClaims(); else if (state.cy) state.cy.resize();
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
      if (hits.length) { state.cy.animate({ center: { eles: hits[0] }, zoom: 1.5 }, { duration: 200 });
                         showNode(hits[0].id()); }
    });
    $('view-graph').addEventListener('click', function () { setView('graph'); });
    $('view-claims').addEventListener('click', function () { setView('claims'); });
  }

  function start() {
    buildControls();
    loadData().then(function (res) {
      var data = res.data || { nodes: [], edges: [] };
      state.data = data; indexData(data);
      var events = data.nodes.filter(function (n) { return n.category === 'event'; }).length;
      state.statusText = (data.nodes.length - events) + ' actors, ' + events + ' events from ' + res.from;
      status(res.warn || state.statusText, !!res.warn);
      state.cy = buildGraph(data);
      window.__warta = { cy: state.cy, data: data, source: res.from, showNode: showNode,
                         setView: setView, rowsToData: rowsToData, timings: TIMINGS };
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
