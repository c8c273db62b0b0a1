// actions.js: filters the action items by owner, service and status, in
// the browser, over every item of the site. Without it the pages list the
// items in numbered pages (open ones, done ones, each owner's). The items
// come from a script, actions/items.js, loaded when a filter is first
// used: it registers them by calling window.__pmactions, which works from
// the file system and under a Content-Security-Policy of script-src
// 'self'. Only the matching rows of one page of results are drawn, as DOM
// nodes (never HTML from the data). The owners and services to choose
// from are set by actions/filters.js, which every page of action items
// loads before this script. The filters are in the page's address
// (actions.html?owner=...&status=open), so that a filtered list can be
// shared.
(function () {
  'use strict';
  var form = document.querySelector('[data-actions-filter]');
  if (!form) return;
  var PAGE = 250;
  var names = ['owner', 'service', 'status'];
  var STATES = ['overdue', 'open', 'done'];
  var NO_OWNER = '(no owner)';
  var out = form.querySelector('[data-actions-count]');
  var results = document.querySelector('[data-actions-results]');
  var body = results.querySelector('[data-actions-results-body]');
  var heading = results.querySelector('[data-actions-results-count]');
  var statics = document.querySelectorAll('[data-actions-static]');
  var root = form.getAttribute('data-root') || '';
  var data = null, loading = null, page = 0, notice = '';

  function value(name) {
    var el = form.elements[name];
    return el ? el.value : '';
  }

  // load returns a promise of the data, injecting its script once.
  function load() {
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      window.__pmactions = function (d) { data = d; resolve(d); };
      var s = document.createElement('script');
      s.src = form.getAttribute('data-items');
      s.onerror = function () { reject(new Error('actions: ' + s.src + ' did not load')); };
      s.onload = function () { if (!data) reject(new Error('actions: ' + s.src + ' did not register')); };
      document.head.appendChild(s);
    });
    return loading;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function safeURL(u) {
    return /^(https?:|mailto:)/i.test(u || '') ? u : '';
  }

  function timeEl(datetime, text) {
    var t = el('time', '', text);
    t.setAttribute('datetime', datetime);
    return t;
  }

  // row draws one item: the same cells as the pages'.
  function row(it) {
    var text = data.texts[it[0]], owner = it[1], pm = data.pms[it[2]], state = STATES[it[3]];
    var dueDate = it[4] || '', ticket = it[5] || '', ticketURL = safeURL(it[6]);
    var due = it[7] || dueDate, written = it[8] || '';
    var late = -1;
    if (state === 'overdue' && dueDate && data.asOf) {
      late = Math.floor((Date.parse(data.asOf) - Date.parse(dueDate)) / 864e5);
      if (!(late >= 0)) late = -1;
    }
    var tr = el('tr', state);
    tr.setAttribute('data-owner', owner >= 0 ? data.owners[owner] : NO_OWNER);
    tr.setAttribute('data-state', state);
    tr.appendChild(el('td', 'text', text));
    tr.appendChild(el('td', 'owner', owner >= 0 ? data.owners[owner] : ''));
    var td = el('td', 'ticket');
    if (ticketURL) {
      var a = el('a', '', ticket || ticketURL);
      a.href = ticketURL;
      td.appendChild(a);
    } else if (ticket) {
      td.textContent = ticket;
    }
    tr.appendChild(td);
    td = el('td', 'due');
    if (dueDate) td.appendChild(timeEl(dueDate, due)); else if (due) td.textContent = due;
    tr.appendChild(td);
    td = el('td', 'state');
    td.appendChild(el('span', 'badge state-' + state, state));
    if (late >= 0) { td.appendChild(document.createTextNode(' ')); td.appendChild(el('span', 'late', 'by ' + late + ' d')); }
    if (written) { td.appendChild(document.createTextNode(' ')); td.appendChild(el('span', 'written', '(' + written + ')')); }
    tr.appendChild(td);
    td = el('td', 'from');
    var link = el('a', '', pm[0]);
    link.href = root + data.pre + pm[1] + data.suf;
    td.appendChild(link);
    if (pm[2]) { td.appendChild(document.createTextNode(' ')); td.appendChild(timeEl(pm[2], pm[2])); }
    tr.appendChild(td);
    return tr;
  }

  function matches(owner, service, status) {
    var oi = owner === NO_OWNER ? -1 : data.owners.indexOf(owner);
    var si = service ? data.services.indexOf(service) : -1;
    var out = [];
    data.items.forEach(function (it) {
      var state = STATES[it[3]];
      if (owner && it[1] !== oi) return;
      if (service && data.pms[it[2]][3].indexOf(si) < 0) return;
      if (status && state !== status && !(status === 'open' && state === 'overdue')) return;
      out.push(it);
    });
    return out;
  }

  function pager(n, pages, total) {
    var nav = el('nav', 'pager');
    nav.setAttribute('aria-label', 'Pages of matching items');
    nav.appendChild(el('p', '', 'Items ' + (n * PAGE + 1) + '–' + Math.min(total, (n + 1) * PAGE) + ' of ' + total + '.'));
    var ul = el('ul');
    function button(label, to, current) {
      var li = el('li');
      var b = el('button', '', label);
      b.type = 'button';
      if (current) b.setAttribute('aria-current', 'page');
      b.addEventListener('click', function () {
        page = to;
        draw();
        results.scrollIntoView();
      });
      li.appendChild(b);
      ul.appendChild(li);
    }
    if (n > 0) button('Previous', n - 1);
    // The first and last pages, and the three either side of this one.
    var last = -1;
    for (var i = 0; i < pages; i++) {
      if (i !== 0 && i !== pages - 1 && Math.abs(i - n) > 3) continue;
      if (i > last + 1) {
        var gap = el('li', 'gap', '…');
        gap.setAttribute('aria-hidden', 'true');
        ul.appendChild(gap);
      }
      button(String(i + 1), i, i === n);
      last = i;
    }
    if (n < pages - 1) button('Next', n + 1);
    nav.appendChild(ul);
    return nav;
  }

  function draw() {
    var owner = value('owner'), service = value('service'), status = value('status');
    var found = matches(owner, service, status);
    var pages = Math.max(1, Math.ceil(found.length / PAGE));
    page = Math.min(page, pages - 1);
    while (body.firstChild) body.removeChild(body.firstChild);
    heading.textContent = String(found.length);
    if (found.length === 0) {
      body.appendChild(el('p', 'none', 'No item matches the filters.'));
    } else {
      if (pages > 1) body.appendChild(pager(page, pages, found.length));
      var wrap = el('div', 'scroll');
      var table = el('table', 'actions');
      var head = el('tr');
      ['Action', 'Owner', 'Ticket', 'Due', 'Status', 'Postmortem'].forEach(function (h) {
        var th = el('th', '', h);
        th.setAttribute('scope', 'col');
        head.appendChild(th);
      });
      table.appendChild(el('thead')).appendChild(head);
      var tbody = el('tbody');
      found.slice(page * PAGE, (page + 1) * PAGE).forEach(function (it) { tbody.appendChild(row(it)); });
      table.appendChild(tbody);
      wrap.appendChild(table);
      body.appendChild(wrap);
      if (pages > 1) body.appendChild(pager(page, pages, found.length));
    }
    out.textContent = (notice ? notice + ' ' : '') + found.length + ' of ' + data.items.length + ' items match' +
      (pages > 1 ? ', page ' + (page + 1) + ' of ' + pages : '') + '.';
  }

  // isDefault reports whether a filter is as the page starts: an owner's
  // page lists that owner's items.
  var pageOwner = form.getAttribute('data-owner') || '';
  function isDefault(n) { return n === 'owner' ? value(n) === pageOwner : !value(n); }

  function show(filtered) {
    results.hidden = !filtered;
    for (var i = 0; i < statics.length; i++) statics[i].hidden = filtered;
  }

  function apply(keepPage) {
    var filtered = names.some(function (n) { return !isDefault(n); });
    if (!keepPage) page = 0;
    var params = new URLSearchParams(location.search);
    names.forEach(function (n) {
      if (!isDefault(n)) params.set(n, value(n)); else params.delete(n);
    });
    var q = params.toString();
    try {
      history.replaceState(null, '', location.pathname + (q ? '?' + q : '') + location.hash);
    } catch (e) { /* file:// in some browsers */ }
    if (!filtered) {
      show(false);
      out.textContent = notice;
      return;
    }
    out.textContent = 'Loading the action items…';
    load().then(function () {
      show(true);
      draw();
    }, function (err) {
      show(false);
      out.textContent = 'The filters could not load the action items.';
      if (window.console) console.warn(err);
    });
  }

  // The choices come from actions/filters.js, loaded before this script;
  // a filter without choices (no services) is left out.
  var choices = window.__pmactionfilters || {};
  [['owner', choices.owners], ['service', choices.services]].forEach(function (c) {
    var sel = form.elements[c[0]], list = c[1] || [];
    if (!sel) return;
    for (var i = 0; i < list.length; i++) sel.appendChild(el('option', '', list[i]));
    if (!list.length && sel.parentNode) sel.parentNode.parentNode.removeChild(sel.parentNode);
  });

  var params = new URLSearchParams(location.search);
  names.forEach(function (n) {
    var el = form.elements[n], v = params.get(n);
    if (!el) return;
    if (v === null && n === 'owner') v = pageOwner;
    if (v === null) return;
    var found = false;
    for (var i = 0; i < el.options.length; i++) {
      if (el.options[i].value === v || el.options[i].text === v) {
        el.selectedIndex = i;
        found = true;
      }
    }
    // A value the list does not have (a link to an owner no longer
    // here): say so rather than show every item as if it were filtered.
    if (!found && v !== '') notice = 'No ' + n + ' “' + v + '” here; every item is listed.';
  });
  form.addEventListener('change', function () { notice = ''; apply(false); });
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(false); });
  form.addEventListener('reset', function () { setTimeout(function () { apply(false); }, 0); });
  form.hidden = false;
  apply(false);
})();
