// Draws the dashboard's volume chart with uPlot (served by the gateway itself) from the
// numbers the page carries in data attributes; without script the table below says the same.
(function () {
  var element = document.getElementById('volume-chart');
  if (!element || typeof uPlot === 'undefined') {
    return;
  }
  function numbers(name) {
    var text = element.getAttribute(name) || '';
    return text === '' ? [] : text.split(',').map(Number);
  }
  var width = Math.max(280, element.clientWidth - 16);
  new uPlot({
    width: width,
    height: 220,
    series: [
      {},
      { label: element.getAttribute('data-label-count'), stroke: '#1750c4', width: 2, scale: 'count' },
      { label: element.getAttribute('data-label-amount'), stroke: '#0a7a33', width: 2, scale: 'won' }
    ],
    axes: [{}, { scale: 'count' }, { scale: 'won', side: 1, grid: { show: false } }]
  }, [numbers('data-times'), numbers('data-counts'), numbers('data-amounts')], element);
}());
