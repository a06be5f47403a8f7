// Draws an Apache ECharts chart into a server-side Chart component. The server sends the whole option object;
// this script only keeps one chart instance per element and redraws it when the element resizes (phones rotate).
(function () {
  const charts = new WeakMap();
  const observer = typeof ResizeObserver === 'function'
    ? new ResizeObserver(entries => entries.forEach(entry => {
        const chart = charts.get(entry.target);
        if (chart) chart.resize();
      }))
    : null;

  window.portalCharts = {
    render(element, option) {
      if (!window.echarts) {
        element.textContent = element.dataset.unavailable || 'Chart unavailable';
        return;
      }
      let chart = charts.get(element);
      if (!chart) {
        chart = window.echarts.init(element, null, { renderer: 'svg' });
        charts.set(element, chart);
        if (observer) observer.observe(element);
      }
      chart.setOption(option, true);
    }
  };
})();
