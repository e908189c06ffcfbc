/* The charts of cxm's CX report, drawn with Apache ECharts from the JSON block #cx-data. Tooltips are drawn
   in the canvas (renderMode richText), so no text of the data ever becomes HTML. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('cx-data').textContent);
  var palette = ['#2563eb', '#f97316', '#16a34a', '#dc2626', '#9333ea', '#0891b2', '#ca8a04', '#db2777'];
  var charts = [];
  var base = { color: palette, animation: false, tooltip: { renderMode: 'richText', confine: true },
    textStyle: { fontFamily: '"DejaVu Sans", Arial, sans-serif' } };

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element || !option) { return; }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(Object.assign({}, base, option));
    charts.push(chart);
  }

  /**
   * An interval drawn as a shaded band: a custom series of one item whose polygons run along the upper bound
   * and back along the lower one (a new polygon after each gap). With step, the bounds step as the curve does.
   * x null: the points are the categories 0, 1, 2, ...
   */
  function band(name, color, x, lower, upper, step) {
    return { name: name, type: 'custom', data: [0], silent: true, z: 1, tooltip: { show: false },
      renderItem: function (params, api) {
        var polygons = [];
        var top = [];
        var bottom = [];
        function flush() {
          if (top.length > 1) {
            polygons.push({ type: 'polygon', shape: { points: top.concat(bottom.reverse()) },
              style: { fill: color, opacity: 0.18 } });
          }
          top = [];
          bottom = [];
        }
        for (var i = 0; i < lower.length; i++) {
          if (lower[i] === null || upper[i] === null) { flush(); continue; }
          var at = x === null ? i : x[i];
          if (step && top.length > 0 && x !== null) {
            top.push(api.coord([at, upper[i - 1]]));
            bottom.push(api.coord([at, lower[i - 1]]));
          }
          top.push(api.coord([at, upper[i]]));
          bottom.push(api.coord([at, lower[i]]));
        }
        flush();
        return { type: 'group', children: polygons };
      } };
  }

  /** The axis' end: the band's lowest (highest) value, rounded out to a multiple of 10, within the scale. */
  function bound(values, pick, limit) {
    var known = values.filter(function (v) { return v !== null; });
    if (known.length === 0) { return limit; }
    var end = pick.apply(null, known);
    var rounded = limit < 0 ? Math.floor(end / 10) * 10 : Math.ceil(end / 10) * 10;
    return limit < 0 ? Math.max(limit, rounded) : Math.min(limit, rounded);
  }

  function pairs(x, y) {
    return x === null ? y : y.map(function (value, i) { return [x[i], value]; });
  }

  if (data.npsTrend) {
    var t = data.npsTrend;
    draw('chart-nps-trend', {
      grid: { left: 50, right: 20, top: 30, bottom: 40 },
      legend: { data: ['NPS'], top: 0 },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'category', data: t.months },
      yAxis: { type: 'value', name: 'NPS', min: bound(t.lower, Math.min, -100), max: bound(t.upper, Math.max, 100) },
      series: [band('interval', palette[0], null, t.lower, t.upper, false),
        { name: 'NPS', type: 'line', data: t.score, symbolSize: 6, lineStyle: { width: 2, color: palette[0] }, itemStyle: { color: palette[0] }, z: 3 }]
    });
  }

  function groupBars(id, groups) {
    if (!groups) { return; }
    draw(id, {
      grid: { left: 110, right: 30, top: 10, bottom: 30 },
      tooltip: { trigger: 'item', renderMode: 'richText' },
      xAxis: { type: 'value', min: -100, max: 100 },
      yAxis: { type: 'category', data: groups.names, inverse: true },
      series: [
        { type: 'bar', name: 'NPS', data: groups.score, barMaxWidth: 22 },
        { type: 'custom', name: '95% interval', renderItem: function (params, api) {
            var low = api.coord([api.value(0), api.value(2)]);
            var high = api.coord([api.value(1), api.value(2)]);
            return { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] },
              style: { stroke: '#1f2933', lineWidth: 1.5 } };
          }, data: groups.lower.map(function (low, i) { return [low, groups.upper[i], i]; }),
          encode: { x: [0, 1], y: 2 }, z: 10, tooltip: { show: false } }
      ]
    });
  }
  groupBars('chart-nps-channel', data.npsByChannel);
  groupBars('chart-nps-stage', data.npsByStage);

  if (data.drivers) {
    var d = data.drivers;
    draw('chart-drivers', {
      grid: { left: 110, right: 60, top: 10, bottom: 30 },
      tooltip: { trigger: 'item', renderMode: 'richText' },
      xAxis: { type: 'value', max: 100, name: '% of R²', nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: d.names, inverse: true },
      series: [
        { type: 'bar', name: 'share of R²', data: d.share, barMaxWidth: 22 },
        { type: 'custom', name: 'bootstrap interval', renderItem: function (params, api) {
            var low = api.coord([api.value(0), api.value(2)]);
            var high = api.coord([api.value(1), api.value(2)]);
            return { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] },
              style: { stroke: '#1f2933', lineWidth: 1.5 } };
          }, data: d.lower.map(function (low, i) { return low === null ? [null, null, i] : [low, d.upper[i], i]; }),
          encode: { x: [0, 1], y: 2 }, z: 10, tooltip: { show: false } }
      ]
    });
  }

  if (data.sentiment) {
    var s = data.sentiment;
    draw('chart-sentiment', {
      grid: { left: 90, right: 40, top: 10, bottom: 30 },
      tooltip: { trigger: 'item', renderMode: 'richText' },
      xAxis: { type: 'value', min: -1, max: 1, name: 'mean compound', nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: s.names, inverse: true },
      series: [{ type: 'bar', data: s.mean, barMaxWidth: 22,
        itemStyle: { color: function (p) { return p.value < 0 ? palette[3] : palette[2]; } },
        label: { show: true, position: 'right', formatter: function (p) { return p.value.toFixed(2); } } }]
    });
  }

  if (data.funnel) {
    var f = data.funnel;
    draw('chart-funnel', {
      grid: { left: 110, right: 90, top: 10, bottom: 30 },
      tooltip: { trigger: 'item', renderMode: 'richText' },
      xAxis: { type: 'value', name: 'customers', nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: f.steps, inverse: true },
      series: [{ type: 'bar', data: f.counts, barMaxWidth: 30,
        label: { show: true, position: 'right', formatter: function (p) {
          return p.value + ' (' + f.percent[p.dataIndex] + ')'; } } }]
    });
  }

  if (data.sankey && data.sankey.links.length > 0) {
    draw('chart-sankey', {
      tooltip: { trigger: 'item', renderMode: 'richText' },
      series: [{ type: 'sankey', data: data.sankey.nodes, links: data.sankey.links, nodeAlign: 'left',
        left: 10, right: 110, top: 10, bottom: 10, emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.35 }, label: { fontSize: 11 } }]
    });
  }

  /**
   * A journey as a directed graph on hidden cartesian axes (so that nodes stay round): the nodes on a zig-zag
   * line in the designed order, an arc for each move, as wide as its count; red where the design has no such move.
   */
  function journeyGraph(id, nodes, edges, maxCount) {
    var graphNodes = nodes.map(function (node, i) {
      return { name: node.name, value: [i, i % 2 === 0 ? 1 : 0], events: node.count,
        symbolSize: node.count === null ? 34 : 16 + 30 * Math.sqrt(node.count / Math.max(1, node.max)),
        itemStyle: { color: node.inMap === false ? '#9aa5b1' : (node.final ? palette[2] : palette[0]) },
        label: { show: true, position: i % 2 === 0 ? 'top' : 'bottom', distance: 6, fontSize: 12 } };
    });
    var links = edges.map(function (edge) {
      var forward = edge.fromIndex < edge.toIndex;
      var width = edge.count === null ? 1.5 : 1 + 9 * edge.count / Math.max(1, maxCount);
      return { source: edge.from, target: edge.to, value: edge.count,
        lineStyle: { width: width, curveness: forward ? 0.2 : 0.35,
          color: edge.designed === false ? palette[3] : '#52606d', opacity: 0.7 } };
    });
    draw(id, {
      grid: { left: 50, right: 50, top: 40, bottom: 40 },
      xAxis: { type: 'value', show: false, min: -0.4, max: Math.max(1, nodes.length - 1) + 0.4 },
      yAxis: { type: 'value', show: false, min: -0.35, max: 1.35 },
      tooltip: { trigger: 'item', renderMode: 'richText', formatter: function (p) {
        if (p.dataType === 'edge') {
          return p.data.source + ' > ' + p.data.target + (p.data.value === null ? '' : ': ' + p.data.value);
        }
        return p.name + (p.data.events === null || p.data.events === undefined ? '' : ': ' + p.data.events + ' events');
      } },
      series: [{ type: 'graph', coordinateSystem: 'cartesian2d', data: graphNodes, links: links,
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 9,
        edgeLabel: { show: edges.length <= 14, fontSize: 10,
          formatter: function (p) { return p.value === null || p.value === undefined ? '' : String(p.value); } } }]
    });
  }

  if (data.discovered) {
    var g = data.discovered;
    journeyGraph('chart-journey-discovered', g.nodes, g.edges, g.maxCount);
  }
  if (data.designed) {
    journeyGraph('chart-journey-designed', data.designed.nodes, data.designed.edges, 1);
  }

  if (data.cohorts && data.cohorts.cells.length > 0) {
    var c = data.cohorts;
    draw('chart-cohorts', {
      grid: { left: 10, right: 20, top: 10, bottom: 70, containLabel: true },
      tooltip: { trigger: 'item', renderMode: 'richText' },
      xAxis: { type: 'category', data: c.offsets, name: 'months after the first', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'category', data: c.cohorts, inverse: true },
      visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        itemHeight: 200, text: ['100%', '0%'], inRange: { color: ['#f0f4f8', '#93c5fd', '#1d4ed8'] } },
      series: [{ type: 'heatmap', data: c.cells, label: { show: c.cohorts.length <= 14, fontSize: 10,
        formatter: function (p) { return Math.round(p.value[2]) + ''; } } }]
    });
  }

  if (data.survival) {
    var series = [];
    data.survival.groups.forEach(function (group, i) {
      var color = palette[i % palette.length];
      series.push(band(group.name + ' band', color, group.time, group.lower, group.upper, true));
      series.push({ name: group.name, type: 'line', step: 'end', symbol: 'none', data: pairs(group.time, group.survival),
        lineStyle: { width: 2, color: color }, itemStyle: { color: color } });
    });
    draw('chart-survival', {
      grid: { left: 50, right: 20, top: 30, bottom: 40 },
      legend: { data: data.survival.groups.map(function (group) { return group.name; }), top: 0 },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'value', name: data.survival.unit, nameLocation: 'middle', nameGap: 24, min: 0 },
      yAxis: { type: 'value', min: 0, max: 1, name: 'S(t)' },
      series: series
    });
  }

  if (data.clv) {
    draw('chart-clv', {
      grid: { left: 60, right: 20, top: 10, bottom: 60 },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'category', data: data.clv.labels, axisLabel: { rotate: 40, fontSize: 10 },
        name: 'lifetime value (' + data.clv.currency + ')', nameLocation: 'middle', nameGap: 46 },
      yAxis: { type: 'value', name: 'customers' },
      series: [{ type: 'bar', data: data.clv.counts, barCategoryGap: '8%' }]
    });
  }

  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
}());
