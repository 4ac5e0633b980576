/* Turns the report's data (the JSON above) into ECharts options, a summary, cell drawings and a
 * table; then writes what it drew into #render-status for tests. */
(function () {
  'use strict';
  var status = { charts: [], cells: [], table: 0, errors: window.renderErrors };
  try {
    render(status);
  } catch (e) {
    status.errors.push(String(e && e.stack || e));
  }
  document.getElementById('render-status').textContent = JSON.stringify(status);
})();

function render(status) {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var S = data.summary;
  var objective = S.objective;
  var minimized = S.direction === 'minimize';
  /* The better of two objective values, in the objective's direction. */
  function better(a, b) { return minimized ? Math.min(a, b) : Math.max(a, b); }
  var STATE_COLORS = { done: '#2e8b57', failed: '#d62728', pruned: '#e6a100', infeasible: '#9467bd', running: '#1f77b4', pending: '#999999' };
  var charts = [];
  var views = document.getElementById('views');

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function fmt(v) {
    if (v === null || v === undefined) { return '-'; }
    if (typeof v !== 'number') { return String(v); }
    if (Number.isInteger(v)) { return String(v); }
    return Math.abs(v) >= 1000 ? v.toFixed(0) : Number(v.toPrecision(5)).toString();
  }
  function section(title, note) {
    views.appendChild(el('h2', {}, title));
    if (note) { views.appendChild(el('div', { 'class': 'muted' }, note)); }
  }
  function chart(id, option, container) {
    var div = el('div', { 'class': 'chart', id: 'chart-' + id });
    (container || views).appendChild(div);
    var c = echarts.init(div, null, { renderer: 'canvas' });
    option.animation = false;
    // Draw every point in one frame: tens of thousands take well under a second, and a page
    // that finishes drawing at once can be checked (and printed) as soon as it loads.
    (option.series || []).forEach(function (s) { s.progressive = 0; });
    option.tooltip = option.tooltip || { trigger: 'item' };
    c.setOption(option);
    charts.push({ id: id, chart: c });
    return c;
  }
  function objectiveOf(t) {
    if (t.metrics[objective] !== undefined) { return t.metrics[objective]; }
    if (t.intermediate.length) { return t.intermediate[t.intermediate.length - 1][1]; }
    return null;
  }
  function end(t) { return t.start === undefined || t.seconds === undefined ? null : t.start + t.seconds; }

  var trials = data.trials;
  var done = trials.filter(function (t) { return t.state === 'done' && t.metrics[objective] !== undefined; });

  /* Summary. */
  (function summary() {
    document.getElementById('generated').textContent = 'written ' + S.generatedAt + ' from ' + S.folder +
      (trials.some(function (t) { return t.state === 'running' || t.state === 'pending'; }) ? ' (search running)' : '');
    var rows = [
      ['space', S.space + settings(S.spaceSettings)],
      ['strategy', S.strategy + settings(S.strategySettings)],
      ['data', S.data],
      ['evaluator', S.evaluator + settings(S.evaluatorSettings)],
      ['engine', S.engine || 'default'],
      ['seed', S.seed],
      ['budget', S.oneShot ? fmt(S.epochs) + ' epochs' : S.trialBudget + ' trials of ' + fmt(S.epochs) + ' epoch(s)' +
        (S.maxTrainExamples ? ', at most ' + S.maxTrainExamples + ' training examples' : '') + ', pruner ' + S.pruner],
      ['journaled', S.oneShot ? data.epochs.length + ' epochs' : trials.length + ' trials: ' + counts()],
      ['wall time', fmt(S.wallSeconds) + ' s'],
      ['objective', objective + (minimized ? ' (smaller is better)' : ' (larger is better)') +
        (S.objectives && S.objectives.length > 1 ? '; all objectives: ' + S.objectives.join(', ') : '')],
      ['constraints', S.constraints && S.constraints.length ? S.constraints.join(', ') : 'none'],
      [S.oneShot ? 'derived architecture' : 'best trial', S.oneShot ? 'after epoch ' + data.epochs.length : (S.best === undefined ? 'none finished' : '#' + S.best)]
    ];
    var table = el('table', { 'class': 'summary' });
    rows.forEach(function (r) {
      var tr = el('tr'); tr.appendChild(el('td', {}, r[0])); tr.appendChild(el('td', {}, String(r[1]))); table.appendChild(tr);
    });
    var host = document.getElementById('summary');
    host.appendChild(table);
    if (S.bestMetrics) {
      host.appendChild(el('div', { 'class': 'muted' }, 'metrics: ' + Object.keys(S.bestMetrics).sort().map(function (k) { return k + ' ' + fmt(S.bestMetrics[k]); }).join(', ')));
    }
    if (S.bestArchitecture) { host.appendChild(el('pre', { id: 'best-architecture' }, S.bestArchitecture)); }
    function settings(map) {
      var keys = Object.keys(map || {});
      return keys.length ? ' (' + keys.sort().map(function (k) { return k + '=' + map[k]; }).join(', ') + ')' : '';
    }
    function counts() {
      var c = {};
      trials.forEach(function (t) { c[t.state] = (c[t.state] || 0) + 1; });
      return Object.keys(c).sort().map(function (k) { return c[k] + ' ' + k; }).join(', ');
    }
  })();

  /* Cells. */
  if (data.cells.length) {
    section(S.oneShot ? 'Derived cells' : 'Cells of the best architecture', 'edges labelled with their operation; inputs green, intermediate nodes blue, output yellow');
    var cells = el('div', { 'class': 'cells' });
    data.cells.forEach(function (c) {
      var fig = el('figure');
      fig.appendChild(el('figcaption', {}, c.label));
      var holder = el('div');
      holder.innerHTML = c.svg;
      fig.appendChild(holder);
      cells.appendChild(fig);
      status.cells.push({ label: c.label, edges: holder.querySelectorAll('path.edge').length, ops: holder.querySelectorAll('text.op').length });
    });
    views.appendChild(cells);
  }

  /* Best so far, against trial number and wall time. */
  if (done.length) {
    section('Best so far');
    var worst = minimized ? Infinity : -Infinity;
    var best = worst, byTrial = [], byTime = [], points = [], timed = [];
    done.slice().sort(function (a, b) { return a.number - b.number; }).forEach(function (t) {
      best = better(best, t.metrics[objective]);
      byTrial.push([t.number, best]);
      points.push([t.number, t.metrics[objective]]);
    });
    best = worst;
    done.filter(function (t) { return end(t) !== null; }).sort(function (a, b) { return end(a) - end(b); }).forEach(function (t) {
      best = better(best, t.metrics[objective]);
      byTime.push([end(t), best]);
      timed.push([end(t), t.metrics[objective]]);
    });
    chart('best-by-trial', {
      title: { text: 'best ' + objective + ' by trial', textStyle: { fontSize: 13 } },
      xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', name: objective, scale: true },
      legend: { top: 0, right: 10 },
      series: [
        { name: 'trial', type: 'scatter', data: points, symbolSize: 5, itemStyle: { color: '#5470c6', opacity: 0.6 }, large: points.length > 2000 },
        { name: 'best so far', type: 'line', step: 'end', data: byTrial, showSymbol: false, lineStyle: { width: 2, color: '#c23531' } }
      ]
    });
    if (byTime.length) {
      chart('best-by-time', {
        title: { text: 'best ' + objective + ' by wall time', textStyle: { fontSize: 13 } },
        xAxis: { type: 'value', name: 'seconds since the first trial started', nameLocation: 'middle', nameGap: 26 },
        yAxis: { type: 'value', name: objective, scale: true },
        legend: { top: 0, right: 10 },
        series: [
          { name: 'trial ends', type: 'scatter', data: timed, symbolSize: 5, itemStyle: { color: '#5470c6', opacity: 0.6 }, large: timed.length > 2000 },
          { name: 'best so far', type: 'line', step: 'end', data: byTime, showSymbol: false, lineStyle: { width: 2, color: '#c23531' } }
        ]
      });
    }
  }

  /* Every trial by state, and durations. */
  if (trials.length) {
    section('Trials', 'every trial\'s ' + objective + ' coloured by state (failed trials sit on the axis), and how long each took');
    var values = trials.map(objectiveOf).filter(function (v) { return v !== null; });
    var floor = values.length ? Math.min.apply(null, values) : 0;
    var states = ['done', 'pruned', 'infeasible', 'failed', 'running', 'pending'];
    var stateSeries = [], durationSeries = [];
    states.forEach(function (s) {
      var mine = trials.filter(function (t) { return t.state === s; });
      if (!mine.length) { return; }
      stateSeries.push({
        name: s, type: 'scatter', large: mine.length > 2000, symbolSize: 5, itemStyle: { color: STATE_COLORS[s] },
        symbol: s === 'failed' ? 'triangle' : 'circle',
        data: mine.map(function (t) { var v = objectiveOf(t); return [t.number, v === null ? floor : v, t.seconds === undefined ? null : t.seconds]; })
      });
      var timedTrials = mine.filter(function (t) { return t.seconds !== undefined; });
      if (timedTrials.length) {
        durationSeries.push({ name: s, type: 'bar', stack: 'all', large: true, barMaxWidth: 12, itemStyle: { color: STATE_COLORS[s] },
          data: timedTrials.map(function (t) { return [t.number, t.seconds]; }) });
      }
    });
    chart('trials', {
      legend: { top: 0 },
      tooltip: { trigger: 'item', formatter: function (p) { return 'trial ' + p.value[0] + ' (' + p.seriesName + ')<br>' + objective + ' ' + fmt(p.value[1]) + '<br>' + fmt(p.value[2]) + ' s'; } },
      xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', name: objective, scale: true },
      series: stateSeries
    });
    if (durationSeries.length) {
      chart('durations', {
        legend: { top: 0 },
        xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 26, max: 'dataMax' },
        yAxis: { type: 'value', name: 'seconds' },
        series: durationSeries
      });
    }
  }

  /* Intermediate values and multi-fidelity budgets. */
  var reporting = trials.filter(function (t) { return t.intermediate.length > 0; });
  if (reporting.length) {
    section('Intermediate values', 'the value each trial reported after each epoch; pruned trials dashed');
    chart('intermediate', {
      xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
      yAxis: { type: 'value', name: objective, scale: true },
      series: reporting.map(function (t) {
        return { name: 'trial ' + t.number, type: 'line', data: t.intermediate, symbolSize: 4,
          lineStyle: { width: 1, type: t.state === 'pruned' ? 'dashed' : 'solid', color: STATE_COLORS[t.state] },
          itemStyle: { color: STATE_COLORS[t.state] } };
      })
    });
  }
  var budgets = {};
  done.forEach(function (t) { budgets[t.epochs] = true; });
  if (Object.keys(budgets).length > 1) {
    chart('budgets', {
      title: { text: objective + ' by budget (rungs)', textStyle: { fontSize: 13 } },
      xAxis: { type: 'log', name: 'epochs', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', name: objective, scale: true },
      series: [{ type: 'scatter', symbolSize: 6, data: done.map(function (t) { return [t.epochs, t.metrics[objective], t.number]; }) }]
    });
  }

  /* Objective by choice, and parallel coordinates. */
  var shownChoices = data.choices.filter(function (c) { return c.values.length > 1; });
  if (done.length && shownChoices.length) {
    section('Objective by choice', objective + ' of finished trials by the value each choice took (mean marked)');
    var grid = el('div', { 'class': 'grid' });
    views.appendChild(grid);
    shownChoices.forEach(function (c) {
      var column = data.choices.indexOf(c);
      var sums = c.values.map(function () { return [0, 0]; });
      var pts = done.filter(function (t) { return t.choices[column] >= 0; }).map(function (t) {
        var i = t.choices[column];
        sums[i][0] += t.metrics[objective]; sums[i][1] += 1;
        return [i + (((t.number * 0.6180339887) % 1) - 0.5) * 0.5, t.metrics[objective]];
      });
      var means = sums.map(function (s, i) { return s[1] ? [i, s[0] / s[1]] : null; }).filter(function (m) { return m; });
      chart('choice-' + column, {
        title: { text: c.label, textStyle: { fontSize: 12 } },
        grid: { left: 50, right: 10, bottom: 60 },
        xAxis: { type: 'value', min: -0.5, max: c.values.length - 0.5, interval: 1,
          axisLabel: { rotate: 30, fontSize: 10, formatter: function (v) { return c.values[Math.round(v)] || ''; } } },
        yAxis: { type: 'value', scale: true },
        series: [
          { type: 'scatter', symbolSize: 3, data: pts, large: pts.length > 2000, itemStyle: { color: '#5470c6', opacity: 0.5 } },
          { type: 'scatter', symbol: 'rect', symbolSize: [22, 3], data: means, itemStyle: { color: '#c23531' } }
        ]
      }, grid);
    });
    section('Parallel coordinates', 'one line per finished trial, coloured by ' + objective);
    var dims = shownChoices.map(function (c, i) {
      return { dim: i, name: c.label.length > 24 ? '…' + c.label.slice(-23) : c.label, type: 'category', data: c.values };
    });
    dims.push({ dim: shownChoices.length, name: objective, type: 'value', scale: true });
    var lines = done.map(function (t) {
      return shownChoices.map(function (c) { var i = t.choices[data.choices.indexOf(c)]; return i >= 0 ? c.values[i] : null; })
        .concat([t.metrics[objective]]);
    });
    var objs = done.map(function (t) { return t.metrics[objective]; });
    chart('parallel', {
      parallelAxis: dims,
      parallel: { left: 60, right: 80, bottom: 60, parallelAxisDefault: { nameRotate: 20, axisLabel: { fontSize: 9 } } },
      visualMap: { min: Math.min.apply(null, objs), max: Math.max.apply(null, objs), precision: 3, dimension: shownChoices.length, calculable: true, right: 0, top: 'middle', itemHeight: 120, inRange: { color: ['#d3e5f3', '#08519c'] } },
      series: [{ type: 'parallel', data: lines, lineStyle: { width: 1, opacity: 0.4 } }]
    });
  }

  /* Objective against costs, with the Pareto front. */
  ['parameters', 'latencyMs'].forEach(function (cost) {
    var measured = done.filter(function (t) { return t.metrics[cost] !== undefined; });
    if (!measured.length) { return; }
    if (cost === 'parameters') { section('Objective against cost', 'the Pareto front in red: the trials no other beats on ' + objective + ' at no more cost'); }
    var front = measured.filter(function (t) { return (t.paretoFronts || []).indexOf(cost) >= 0; }).sort(function (a, b) { return a.metrics[cost] - b.metrics[cost]; });
    chart('pareto-' + cost, {
      legend: { top: 0 },
      xAxis: { type: 'value', name: cost, nameLocation: 'middle', nameGap: 26, scale: true },
      yAxis: { type: 'value', name: objective, scale: true },
      tooltip: { trigger: 'item', formatter: function (p) { return 'trial ' + p.value[2] + '<br>' + cost + ' ' + fmt(p.value[0]) + '<br>' + objective + ' ' + fmt(p.value[1]); } },
      series: [
        { name: 'trials', type: 'scatter', symbolSize: 5, itemStyle: { color: '#9ab' }, large: measured.length > 2000,
          data: measured.map(function (t) { return [t.metrics[cost], t.metrics[objective], t.number]; }) },
        { name: 'Pareto front', type: 'line', step: 'end', symbolSize: 8, itemStyle: { color: '#c23531' },
          data: front.map(function (t) { return [t.metrics[cost], t.metrics[objective], t.number]; }) }
      ]
    });
  });

  /* One-shot: epochs and architecture weights. */
  if (data.epochs.length) {
    section('Epochs', 'the supernet\'s metrics after each epoch');
    var names = {};
    data.epochs.forEach(function (e) { Object.keys(e.metrics).forEach(function (k) { names[k] = true; }); });
    var accuracy = Object.keys(names).filter(function (k) { return /accuracy|loss/i.test(k); }).sort();
    chart('epochs', {
      legend: { top: 0 },
      xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
      yAxis: { type: 'value', scale: true },
      tooltip: { trigger: 'axis' },
      series: accuracy.map(function (k) {
        return { name: k, type: 'line', data: data.epochs.filter(function (e) { return e.metrics[k] !== undefined; }).map(function (e) { return [e.epoch, e.metrics[k]]; }) };
      })
    });
    var byCell = {};
    Object.keys(data.epochs[data.epochs.length - 1].alphas).sort().forEach(function (edge) {
      var cut = edge.lastIndexOf('/node');
      var cell = cut > 0 ? edge.slice(0, cut) : edge;
      (byCell[cell] = byCell[cell] || []).push(edge);
    });
    Object.keys(byCell).sort().forEach(function (cell) {
      section('Architecture weights: ' + cell, data.mixingWeights + ', for every candidate of every edge (rows), per epoch (columns)');
      var rows = [], cellsData = [], max = 0;
      byCell[cell].sort(edgeOrder).forEach(function (edge) {
        var names = data.edgeCandidates[edge] || [];
        var width = data.epochs[data.epochs.length - 1].alphas[edge].length;
        for (var k = 0; k < width; k++) {
          var row = rows.length;
          rows.push(shortEdge(edge.slice(cell.length)) + '  ' + (names[k] || 'op' + k));
          data.epochs.forEach(function (e, col) {
            var w = e.alphas[edge];
            if (w && w[k] !== undefined) { cellsData.push([col, row, w[k]]); max = Math.max(max, w[k]); }
          });
        }
      });
      var div = chart('alphas-' + cell.replace(/[^A-Za-z0-9_-]/g, '_'), {
        tooltip: { trigger: 'item', formatter: function (p) { return rows[p.value[1]] + '<br>epoch ' + (p.value[0] + 1) + ': ' + fmt(p.value[2]); } },
        grid: { left: 210, right: 90, top: 10, bottom: 40 },
        xAxis: { type: 'category', data: data.epochs.map(function (e) { return e.epoch; }), name: 'epoch', nameLocation: 'middle', nameGap: 24 },
        yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { fontSize: 9, interval: 0 } },
        visualMap: { min: 0, max: max || 1, precision: 2, calculable: true, right: 0, top: 'middle', inRange: { color: ['#ffffff', '#fdae61', '#a50026'] } },
        series: [{ type: 'heatmap', data: cellsData }]
      });
      div.getDom().style.height = Math.max(300, rows.length * 11 + 60) + 'px';
      div.resize();
    });
  }
  function edgeOrder(a, b) {
    var pa = a.match(/(\d+)\D+(\d+)$/), pb = b.match(/(\d+)\D+(\d+)$/);
    if (!pa || !pb) { return a < b ? -1 : a > b ? 1 : 0; }
    return (pa[1] - pb[1]) || (pa[2] - pb[2]);
  }
  function shortEdge(rest) {
    var m = rest.match(/node(\d+)\/from(\d+)$/);
    return m ? m[2] + '→' + m[1] : rest;
  }

  /* The trial table: sortable by any column, filtered by text. */
  (function table() {
    var section = document.getElementById('table-section');
    if (!trials.length) {
      section.hidden = true; document.getElementById('table-heading').hidden = true; return;
    }
    var metricNames = {};
    trials.forEach(function (t) { Object.keys(t.metrics).forEach(function (k) { metricNames[k] = true; }); });
    var metrics = Object.keys(metricNames).sort(function (a, b) { return (a === objective ? -1 : b === objective ? 1 : a < b ? -1 : 1); });
    var columns = [
      { name: 'trial', get: function (t) { return t.number; }, num: true },
      { name: 'state', get: function (t) { return t.state; } },
      { name: 'architecture', get: function (t) { return t.id; } },
      { name: 'epochs', get: function (t) { return t.epochs; }, num: true },
      { name: 'seconds', get: function (t) { return t.seconds === undefined ? null : t.seconds; }, num: true }
    ].concat(metrics.map(function (m) { return { name: m, get: function (t) { return t.metrics[m] === undefined ? null : t.metrics[m]; }, num: true }; }))
      .concat(data.choices.map(function (c, i) { return { name: c.label, get: function (t) { return t.choices[i] >= 0 ? c.values[t.choices[i]] : null; } }; }))
      .concat([{ name: 'error', get: function (t) { return t.error || ''; } }]);
    var LIMIT = 500, sortBy = 0, ascending = true;
    var head = document.querySelector('#trial-table thead'), body = document.querySelector('#trial-table tbody');
    var tr = el('tr');
    columns.forEach(function (c, i) {
      var th = el('th', { 'data-column': i }, c.name);
      th.addEventListener('click', function () { ascending = sortBy === i ? !ascending : !c.num; sortBy = i; draw(); });
      tr.appendChild(th);
    });
    head.appendChild(tr);
    var filter = document.getElementById('table-filter');
    filter.addEventListener('input', draw);
    function matches(t, query) {
      if (!query) { return true; }
      return query.split(/\s+/).every(function (term) {
        var m = term.match(/^([\w.\/-]+)(<=|>=|<|>|:|=)(.+)$/);
        if (m) {
          var col = columns.filter(function (c) { return c.name === m[1] || (m[1] === 'trial' && c.name === 'trial'); })[0];
          if (col) {
            var v = col.get(t), x = m[3];
            if (m[2] === ':' || m[2] === '=') { return String(v) === x; }
            if (v === null) { return false; }
            v = Number(v); x = Number(x);
            return m[2] === '<' ? v < x : m[2] === '>' ? v > x : m[2] === '<=' ? v <= x : v >= x;
          }
        }
        term = term.toLowerCase();
        return columns.some(function (c) { var v = c.get(t); return v !== null && String(v).toLowerCase().indexOf(term) >= 0; });
      });
    }
    function draw() {
      var query = filter.value.trim();
      var col = columns[sortBy];
      var rows = trials.filter(function (t) { return matches(t, query); });
      rows.sort(function (a, b) {
        var x = col.get(a), y = col.get(b);
        if (x === y) { return a.number - b.number; }
        if (x === null) { return 1; }
        if (y === null) { return -1; }
        return (x < y ? -1 : 1) * (ascending ? 1 : -1);
      });
      var shown = rows.slice(0, LIMIT);
      var html = [];
      shown.forEach(function (t) {
        html.push('<tr>');
        columns.forEach(function (c) {
          var v = c.get(t);
          var cls = c.num ? 'num' : c.name === 'state' ? 'state-' + v : '';
          html.push('<td class="' + cls + '">' + escape(c.num ? fmt(v) : v === null ? '-' : String(v)) + '</td>');
        });
        html.push('</tr>');
      });
      body.innerHTML = html.join('');
      document.getElementById('table-count').textContent = rows.length + ' of ' + trials.length + ' trials' +
        (rows.length > LIMIT ? '; the first ' + LIMIT + ' shown (sort or filter to see others)' : '');
      status.table = shown.length;
    }
    function escape(s) { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }
    draw();
  })();

  /* What was drawn, read back from each chart's model, for tests and curious readers. */
  charts.forEach(function (c) {
    var series = c.chart.getModel().getSeries();
    var points = 0;
    series.forEach(function (s) { points += s.getData().count(); });
    status.charts.push({ id: c.id, series: series.length, points: points });
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.chart.resize(); }); });
}
