// Draws the dashboard's charts with uPlot (served by the gateway itself) from the numbers
// each chart's element carries in data attributes; without script the tables say the same.
(function () {
  if (typeof uPlot === 'undefined') {
    return;
  }
  function numbers(element, name) {
    var text = element.getAttribute(name) || '';
    return text === '' ? [] : text.split(',').map(Number);
  }
  ['volume-chart', 'hourly-chart'].forEach(function (id) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    new uPlot({
      width: Math.max(280, element.clientWidth - 16),
      height: 220,
      series: [
        {},
        { label: element.getAttribute('data-label-count'), stroke: '#1750c4', width: 2, scale: 'count' },
        { label: element.getAttribute('data-label-amount'), stroke: '#0a7a33', width: 2, scale: 'won' }
      ],
      axes: [{}, { scale: 'count' }, { scale: 'won', side: 1, grid: { show: false } }]
    }, [numbers(element, 'data-times'), numbers(element, 'data-counts'), numbers(element, 'data-amounts')], element);
  });
}());
