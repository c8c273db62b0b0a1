// actions.js: filters the action items page by owner, service and status,
// in the browser. Without it the page lists every item, grouped by status.
// The filters are in the page's address (actions.html?owner=...&status=open),
// so that a filtered list can be shared.
(function () {
  'use strict';
  var form = document.querySelector('[data-actions-filter]');
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-state]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('[data-actions-group]'));
  var out = form.querySelector('[data-actions-count]');
  var names = ['owner', 'service', 'status'];

  function value(name) {
    var el = form.elements[name];
    return el ? el.value : '';
  }

  function apply() {
    var owner = value('owner'), service = value('service'), status = value('status');
    var shown = 0;
    rows.forEach(function (tr) {
      var state = tr.getAttribute('data-state');
      var ok = (!owner || tr.getAttribute('data-owner') === owner) &&
        (!service || tr.getAttribute('data-services').split('\n').indexOf(service) >= 0) &&
        (!status || state === status || (status === 'open' && state === 'overdue'));
      tr.hidden = !ok;
      if (ok) shown++;
    });
    groups.forEach(function (g) {
      var visible = g.querySelectorAll('tr[data-state]:not([hidden])').length;
      var c = g.querySelector('[data-actions-group-count]');
      if (c) c.textContent = String(visible);
      var none = g.querySelector('[data-actions-none]');
      var table = g.querySelector('table');
      if (none && table) {
        none.hidden = visible > 0;
        table.hidden = visible === 0;
      }
    });
    var filtered = owner || service || status;
    out.textContent = filtered ? shown + ' of ' + rows.length + ' items match.' : '';
    var params = new URLSearchParams(location.search);
    names.forEach(function (n) {
      if (value(n)) params.set(n, value(n)); else params.delete(n);
    });
    var q = params.toString();
    try {
      history.replaceState(null, '', location.pathname + (q ? '?' + q : '') + location.hash);
    } catch (e) { /* file:// in some browsers */ }
  }

  var params = new URLSearchParams(location.search);
  names.forEach(function (n) {
    var el = form.elements[n], v = params.get(n);
    if (!el || v === null) return;
    for (var i = 0; i < el.options.length; i++) {
      if (el.options[i].value === v || el.options[i].text === v) el.selectedIndex = i;
    }
  });
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
