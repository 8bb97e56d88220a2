// Draws the dashboard's charts with uPlot (served by the gateway itself) from the numbers
// each chart's element carries in data attributes; without script the tables say the same.
// Times are Korean (Asia/Seoul) whatever the browser's zone, and dates, numbers and labels
// are in the page's language (<html lang>).
(function () {
  if (typeof uPlot === 'undefined') {
    return;
  }
  var language = document.documentElement.lang === 'en' ? 'en' : 'ko';
  var zone = 'Asia/Seoul';
  var day = new Intl.DateTimeFormat(language, { timeZone: zone, month: 'short', day: 'numeric' });
  var hour = new Intl.DateTimeFormat(language, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var dayAndHour = new Intl.DateTimeFormat(language,
      { timeZone: zone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var compact = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 });
  var whole = new Intl.NumberFormat(language);
  function numbers(element, name) {
    var text = element.getAttribute(name) || '';
    return text === '' ? [] : text.split(',').map(Number);
  }
  ['volume-chart', 'hourly-chart'].forEach(function (id) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var hourly = id === 'hourly-chart';
    // A time on the axis: the day, or the hour (with the day where a day begins).
    function tick(seconds) {
      var at = new Date(seconds * 1000);
      if (!hourly) {
        return day.format(at);
      }
      return hour.format(at) === '00:00' ? day.format(at) : hour.format(at);
    }
    // Kept on the element, for the page's own tests to read what was drawn.
    element.chart = new uPlot({
      width: Math.max(280, element.clientWidth - 16),
      height: 220,
      // The legend's time, in Korean time and the page's language.
      series: [
        { value: function (u, seconds) { return seconds == null ? '-' : (hourly ? dayAndHour : day).format(new Date(seconds * 1000)); } },
        { label: element.getAttribute('data-label-count'), stroke: '#1750c4', width: 2, scale: 'count',
          value: function (u, v) { return v == null ? '-' : whole.format(v); } },
        { label: element.getAttribute('data-label-amount'), stroke: '#0a7a33', width: 2, scale: 'won',
          value: function (u, v) { return v == null ? '-' : whole.format(v); } }
      ],
      axes: [
        { values: function (u, splits) { return splits.map(tick); } },
        { scale: 'count', size: 56, values: function (u, splits) { return splits.map(function (v) { return compact.format(v); }); } },
        // The right axis wide enough for compact amounts (e.g. "1.2만", "350K"), never cut off.
        { scale: 'won', side: 1, size: 64, grid: { show: false },
          values: function (u, splits) { return splits.map(function (v) { return compact.format(v); }); } }
      ]
    }, [numbers(element, 'data-times'), numbers(element, 'data-counts'), numbers(element, 'data-amounts')], element);
  });
}());
