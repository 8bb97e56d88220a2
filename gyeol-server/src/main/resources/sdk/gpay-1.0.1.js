/*
 * Gyeol's overseas payment window script (spec §5.2): paypleGpayPaymentRequest(obj) posts the
 * order to the window, in a popup or, with isDirect 'Y', in this tab. The window posts its result
 * to obj.resultUrl. Served as /common/js/gpay-1.0.1.js.
 */
(function (window, document) {
  'use strict';

  var script = document.currentScript;
  var HOST = script && script.src ? new URL(script.src, window.location.href).origin : window.location.origin;

  function paypleGpayPaymentRequest(obj) {
    var direct = String(obj.isDirect || '').toUpperCase() === 'Y';
    var target = '_self';
    if (!direct) {
      target = 'gpayWinOpen';
      if (!window.open('', target, 'width=480,height=780')) {
        window.alert('팝업이 차단되어 결제를 진행할 수 없습니다. 팝업 차단을 해제해 주세요.');
        return;
      }
    }
    var form = document.createElement('form');
    form.method = 'post';
    form.action = HOST + '/gpay/window';
    form.target = target;
    form.acceptCharset = 'UTF-8';
    form.style.display = 'none';
    Object.keys(obj).forEach(function (name) {
      var value = obj[name];
      if (value === null || value === undefined || typeof value === 'function') { return; }
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = String(value);
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
    document.body.removeChild(form);
  }

  window.paypleGpayPaymentRequest = paypleGpayPaymentRequest;
})(window, document);
