/*
 * A partner's own copy of a 1.0.0-style window script, as a 2018 shop page keeps it: the order
 * form goes to the shop's /cPayPayple/payple_payAuth.html, the AuthKey into CpayForm, CpayForm
 * into the layer; PaypleCpayPayResult() posts CpayForm, which the relay has filled with the
 * result, to PCD_RST_URL. Written for Gyeol's tests from the spec's 1.0.0 contract.
 */
var PaypleCpayAuthCheck = function (orderForm) {
  var form = document.getElementById('CpayForm');
  if (orderForm) {
    form.PCD_PAYER_NAME.value = orderForm.buyer_name.value;
    form.PCD_PAY_GOODS.value = orderForm.buy_goods.value;
    form.PCD_PAY_TOTAL.value = orderForm.buy_total.value;
  }
  var request = new XMLHttpRequest();
  request.open('POST', '/cPayPayple/payple_payAuth.html');
  request.onload = function () {
    var auth = JSON.parse(request.responseText);
    if (auth.result !== 'success') {
      alert('상점 인증에 실패했습니다.');
      return;
    }
    form.PCD_CST_ID.value = auth.cst_id;
    form.PCD_CUST_KEY.value = auth.custKey;
    form.PCD_AUTH_KEY.value = auth.AuthKey;
    form.method = 'POST';
    form.target = 'cpay_ifr';
    form.action = auth.return_url;
    document.getElementById('layer_cpay').style.display = 'block';
    form.submit();
  };
  request.send(new FormData(form));
};

var PaypleCpayPayResult = function () {
  var form = document.getElementsByName('CpayForm')[0];
  form.method = 'POST';
  form.target = '';
  form.action = form.PCD_RST_URL.value;
  form.submit();
};
