/**
 * The page's only script, inlined at render time (its SHA-256 goes into the page's CSP, so no
 * other script — injected or not — may run). It only filters: the table, chart and matrix are
 * complete without it. Plain ES2017, no template literals, so it can live in a TS string.
 *
 * Filtering reads each row's data-* attributes (computed once, server side, by the same code that
 * draws the status pills); the total comes from the embedded findings JSON.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var dataElement = document.getElementById('cafscan-data');
  var data = JSON.parse((dataElement && dataElement.textContent) || '{"findings":[]}');
  var total = data.findings.length;
  var keys = ['capability', 'component', 'severity', 'status', 'control'];
  var selects = {};
  keys.forEach(function (key) { selects[key] = document.getElementById('filter-' + key); });
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-table tbody tr[data-index]'));
  var count = document.getElementById('finding-count');
  var empty = document.getElementById('no-findings');
  var form = document.getElementById('filters');

  function apply() {
    var wanted = keys.map(function (key) { return [key, selects[key].value]; }).filter(function (pair) { return pair[1] !== ''; });
    var shown = 0;
    rows.forEach(function (row) {
      var visible = wanted.every(function (pair) { return row.getAttribute('data-' + pair[0]) === pair[1]; });
      row.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = shown + ' of ' + total + ' findings';
    empty.hidden = shown !== 0;
  }

  keys.forEach(function (key) { selects[key].addEventListener('change', apply); });
  // The reset event fires before the fields are reset: clear them here and filter at once.
  form.addEventListener('reset', function (event) {
    event.preventDefault();
    keys.forEach(function (key) { selects[key].value = ''; });
    apply();
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); });

  // A matrix cell shows its capability × component findings.
  Array.prototype.forEach.call(document.querySelectorAll('.matrix td.cell'), function (cell) {
    cell.classList.add('clickable');
    cell.tabIndex = 0;
    cell.title = 'Show these findings';
    function pick() {
      // A control chosen from the framework view would hide the cell's other findings.
      selects.control.value = '';
      selects.capability.value = cell.getAttribute('data-capability');
      selects.component.value = cell.getAttribute('data-component');
      apply();
      document.getElementById('findings').scrollIntoView({ block: 'start' });
    }
    cell.addEventListener('click', pick);
    cell.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); pick(); }
    });
  });

  // A control in the framework view shows that control's findings, whatever else was filtered.
  Array.prototype.forEach.call(document.querySelectorAll('#frameworks .control-ref[data-control]'), function (chip) {
    chip.classList.add('clickable');
    chip.tabIndex = 0;
    chip.setAttribute('role', 'button');
    chip.title = 'Show the findings of ' + chip.getAttribute('data-control') + ' (' + chip.title + ')';
    function pick() {
      keys.forEach(function (key) { selects[key].value = ''; });
      selects.control.value = chip.getAttribute('data-control');
      apply();
      document.getElementById('findings').scrollIntoView({ block: 'start' });
    }
    chip.addEventListener('click', pick);
    chip.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); pick(); }
    });
  });

  apply();
})();
`;
