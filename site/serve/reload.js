// reload.js: reloads the page when postmortem serve has built a new
// version of the site. Only postmortem serve adds it to pages.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.EventSource) return;
  var events = new EventSource(new URL('events', script.src).href);
  var seen = null;
  events.onmessage = function (e) {
    if (seen === null) {
      seen = e.data;
    } else if (e.data !== seen) {
      events.close();
      location.reload();
    }
  };
})();
