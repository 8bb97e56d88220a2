/*
 * Gyeol's Payple-compatible payment window SDK (spec §3): PaypleCpayAuthCheck(obj) with the four
 * partner-auth styles (clientKey; PCD_AUTH_KEY + PCD_PAY_URL; payple_auth_file;
 * PCD_CST_ID + PCD_CUST_KEY + PCD_AUTH_URL), the layer / popup / direct opening modes, and result
 * delivery by form POST to PCD_RST_URL or to callbackFunction. Served as
 * /js/cpay.payple.1.0.1.js, /js/v1/payment.js and /js/cpay.payple.1.0.0.js; the 1.0.0 form
 * contract (PaypleCpayAuthCheck(orderForm) with a #CpayForm of hidden inputs, authenticated by
 * the partner's /cPayPayple/payple_payAuth.html, the result handed to PaypleCpayPayResult by the
 * partner's cPayPayple/payple_iframe.html relay) is accepted too.
 */
(function (window, document) {
  'use strict';

  var script = document.currentScript;
  var HOST = script && script.src ? new URL(script.src, window.location.href).origin : window.location.origin;
  // The window takes a request that names no PCD_CPAY_VER for 1.0.0 (Payple's default) and
  // answers it through the page's cPayPayple relay; this script, loaded as 1.0.1 or v1,
  // says which it is.
  var VERSION = script && /cpay\.payple\.1\.0\.0\.js/.test(script.src || '') ? '1.0.0' : '1.0.1';
  var current = null;
  var windowOrigin = null;
  // One result per opened window, however it arrives (message or a 1.0.0 relay).
  var delivered = false;

  function isMobile() {
    return /(iphone|ipod|ipad|android)/i.test(window.navigator.userAgent);
  }

  function isAbsolute(url) {
    return /^https?:\/\//i.test(url || '');
  }

  function post(url, fields, target) {
    var form = document.createElement('form');
    form.method = 'post';
    form.action = url;
    form.acceptCharset = 'UTF-8';
    if (target) { form.target = target; }
    form.style.display = 'none';
    Object.keys(fields).forEach(function (name) {
      var value = fields[name];
      if (value === undefined || value === null || typeof value === 'function' || typeof value === 'object') { return; }
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

  function requestJson(url, body, asForm) {
    var options = { method: 'POST', credentials: 'same-origin', headers: {} };
    if (asForm) {
      var params = new URLSearchParams();
      Object.keys(body).forEach(function (name) {
        var value = body[name];
        if (value !== undefined && value !== null && typeof value !== 'function' && typeof value !== 'object') {
          params.append(name, String(value));
        }
      });
      options.body = params;
    } else {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return window.fetch(url, options).then(function (response) { return response.json(); });
  }

  /**
   * The partner's auth file, as Payple's script finds it: an absolute URL or a path from the
   * root ('/pg/auth') as given; anything else (a bare name such as 'auth', or nothing) in the
   * partner's cPayPayple folder: (payple_dir_path || '') + '/cPayPayple/' +
   * (payple_auth_file || 'payple_payAuth.html').
   */
  function authFile(obj) {
    var file = obj.payple_auth_file == null ? '' : String(obj.payple_auth_file);
    if (isAbsolute(file) || file.charAt(0) === '/') {
      return file;
    }
    var dir = obj.payple_dir_path == null ? '' : String(obj.payple_dir_path).replace(/\/+$/, '');
    return dir + '/cPayPayple/' + (file || 'payple_payAuth.html');
  }

  /** Obtains { cst_id, custKey, AuthKey, return_url } in whichever style the page uses. */
  function authenticate(obj) {
    if (obj.clientKey) {
      return requestJson(HOST + '/php/auth/clientKeyAuth.php', { clientKey: obj.clientKey, PCD_PAY_WORK: obj.PCD_PAY_WORK }, false);
    }
    if (obj.PCD_AUTH_KEY && obj.PCD_PAY_URL) {
      return Promise.resolve({
        result: 'success', cst_id: obj.PCD_CST_ID, custKey: obj.PCD_CUST_KEY, AuthKey: obj.PCD_AUTH_KEY,
        return_url: isAbsolute(obj.PCD_PAY_URL) ? obj.PCD_PAY_URL : (obj.PCD_PAY_HOST || HOST) + obj.PCD_PAY_URL
      });
    }
    if (obj.payple_auth_file != null) {
      return requestJson(authFile(obj), obj, true);
    }
    if (obj.PCD_CST_ID && obj.PCD_CUST_KEY && obj.PCD_AUTH_URL) {
      return requestJson(obj.PCD_AUTH_URL, { cst_id: obj.PCD_CST_ID, custKey: obj.PCD_CUST_KEY, PCD_PAY_TYPE: obj.PCD_PAY_TYPE }, false);
    }
    if (obj.fromCpayForm) {
      // The 1.0.0 contract: the order form goes to the partner's own auth file.
      return requestJson('/cPayPayple/payple_payAuth.html', obj, true);
    }
    return Promise.reject(new Error('clientKey, PCD_AUTH_KEY + PCD_PAY_URL, payple_auth_file or PCD_AUTH_URL is required'));
  }

  function layer() {
    var overlay = document.getElementById('layer_cpay');
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'layer_cpay';
      overlay.setAttribute('style', 'position:fixed;inset:0;z-index:2147483000;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center');
      var frame = document.createElement('iframe');
      frame.id = 'cpay_ifr';
      frame.name = 'cpay_ifr';
      frame.title = '결제창';
      frame.setAttribute('style', 'width:450px;max-width:100%;height:780px;max-height:100%;border:0;background:#fff');
      // Keyboard users land in the window, not behind it on the shop's page.
      frame.addEventListener('load', function () { frame.focus(); });
      overlay.appendChild(frame);
      document.body.appendChild(overlay);
    }
    overlay.style.display = 'flex';
    return 'cpay_ifr';
  }

  /** Opens the window for an authenticated request: layer on desktop, popup on mobile, or direct. */
  function PaypleCpayPopup(obj) {
    var fields = {};
    Object.keys(obj).forEach(function (name) {
      if (/^PCD_/.test(name)) { fields[name] = obj[name]; }
    });
    fields.PCD_HTTP_REFERER = window.location.href;
    if (!fields.PCD_CPAY_VER && VERSION !== '1.0.0') { fields.PCD_CPAY_VER = VERSION; }
    var url = obj.return_url || obj.PCD_PAY_URL;
    if (!isAbsolute(url)) { url = (obj.PCD_PAY_HOST || HOST) + url; }
    current = obj;
    delivered = false;
    // Results are trusted only from the origin of the window this page opened.
    windowOrigin = new URL(url).origin;
    if (isAbsolute(obj.PCD_RST_URL)) {
      post(url, fields, '_self');
      return;
    }
    if (isMobile()) {
      var popup = window.open('', 'cpayWinOpen', 'width=450,height=780');
      if (!popup) {
        window.alert('팝업이 차단되어 결제를 진행할 수 없습니다. 팝업 차단을 해제해 주세요.');
        return;
      }
      post(url, fields, 'cpayWinOpen');
      return;
    }
    post(url, fields, layer());
  }

  /** The 1.0.0 contract: the order is a form (CpayForm) of hidden PCD_* inputs. */
  function fromForm(form) {
    var obj = {};
    for (var i = 0; i < form.elements.length; i++) {
      var element = form.elements[i];
      if (element.name) { obj[element.name] = element.value; }
    }
    Object.defineProperty(obj, 'fromCpayForm', { value: true });
    return obj;
  }

  function PaypleCpayAuthCheck(obj) {
    if (!obj) { obj = document.getElementById('CpayForm'); }
    if (obj && obj.tagName === 'FORM') { obj = fromForm(obj); }
    delivered = false;
    authenticate(obj).then(function (auth) {
      if (!auth || auth.result !== 'success') {
        deliver(obj, { PCD_PAY_RST: 'error', PCD_PAY_CODE: (auth && auth.code) || '', PCD_PAY_MSG: (auth && auth.result_msg) || '가맹점 인증 실패' });
        return;
      }
      var request = {};
      Object.keys(obj).forEach(function (name) { request[name] = obj[name]; });
      request.PCD_CST_ID = auth.cst_id;
      request.PCD_CUST_KEY = auth.custKey;
      request.PCD_AUTH_KEY = auth.AuthKey;
      request.return_url = auth.return_url;
      PaypleCpayPopup(request);
    }).catch(function (error) {
      deliver(obj, { PCD_PAY_RST: 'error', PCD_PAY_CODE: '', PCD_PAY_MSG: String(error && error.message || error) });
    });
  }

  function MainBodyAction(action) {
    if (action !== 'close') { return; }
    var overlay = document.getElementById('layer_cpay');
    if (overlay) {
      overlay.style.display = 'none';
      var frame = document.getElementById('cpay_ifr');
      if (frame) { frame.src = 'about:blank'; }
    }
  }

  function deliver(obj, data) {
    if (delivered) { return; }
    delivered = true;
    MainBodyAction('close');
    if (obj && typeof obj.callbackFunction === 'function') {
      obj.callbackFunction(data);
      return;
    }
    if (obj && obj.PCD_RST_URL) {
      post(new URL(obj.PCD_RST_URL, window.location.href).toString(), data, '_self');
    }
  }

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (!message || message.type !== 'pay_result' || event.origin !== windowOrigin) { return; }
    if (event.source && event.source !== window && event.source.opener === window) {
      event.source.close();
    }
    deliver(current, message.data);
  });

  /**
   * 1.0.0's result entry, called by the partner's cPayPayple/payple_iframe.html relay:
   * with the result (and an optional callback), or with none once the relay has written
   * the result into CpayForm.
   */
  function PaypleCpayPayResult(data, callback) {
    if (!data) {
      var form = document.getElementById('CpayForm') || document.getElementsByName('CpayForm')[0];
      data = form ? fromForm(form) : {};
    }
    var target = current || {};
    deliver({ callbackFunction: callback || target.callbackFunction, PCD_RST_URL: data.PCD_RST_URL || target.PCD_RST_URL }, data);
  }

  window.PaypleCpayAuthCheck = PaypleCpayAuthCheck;
  window.PaypleCpayPayResult = PaypleCpayPayResult;
  window.PaypleCpayPopup = PaypleCpayPopup;
  window.MainBodyAction = MainBodyAction;
})(window, document);
