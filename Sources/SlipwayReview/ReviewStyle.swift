/// The pack's style sheet and its one script, inline so that the file needs
/// nothing else: system fonts (no web font to fetch), no image but inline SVG.
enum ReviewStyle {
    /// Screen: one column up to 1,200 px, tables that scroll sideways rather than
    /// squeeze. Print: A4 landscape, each section on a new page, the navigation
    /// hidden, links and badges in ink.
    static let css = """
        :root { --ink: #1d232b; --muted: #5c6673; --line: #d8dde3; --late: #b3131f; --ok: #1d7a3a; --warn: #a65b00; --accent: #1f4e8c; --paper: #ffffff; --band: #f5f7f9; }
        * { box-sizing: border-box; }
        html { font-size: 15px; }
        body { margin: 0; color: var(--ink); background: var(--paper); font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; line-height: 1.45; }
        header.masthead { background: #17324f; color: #ffffff; padding: 18px 28px 0 28px; }
        header.masthead h1 { margin: 0; font-size: 1.6rem; font-weight: 650; }
        header.masthead p { margin: 4px 0 12px 0; color: #c9d6e3; font-size: 0.92rem; }
        nav { display: flex; flex-wrap: wrap; gap: 2px 18px; padding: 6px 0 10px 0; font-size: 0.9rem; }
        nav a { color: #ffffff; text-decoration: none; border-bottom: 2px solid transparent; }
        nav a:hover { border-bottom-color: #9fc3ea; }
        main { max-width: 1200px; margin: 0 auto; padding: 8px 28px 40px 28px; }
        section { padding-top: 14px; border-bottom: 1px solid var(--line); padding-bottom: 18px; }
        h2 { font-size: 1.3rem; margin: 10px 0 10px 0; }
        h3 { font-size: 1.05rem; margin: 18px 0 8px 0; }
        p { margin: 6px 0; }
        .muted, .note { color: var(--muted); }
        .note { font-size: 0.88rem; }
        .late { color: var(--late); font-weight: 600; }
        .ok { color: var(--ok); }
        .warn { color: var(--warn); }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 8px 0 12px 0; }
        .card { border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: 6px; padding: 10px 12px; background: var(--band); }
        .card.bad { border-left-color: var(--late); }
        .card.good { border-left-color: var(--ok); }
        .card.caution { border-left-color: var(--warn); }
        .card .label { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
        .card .value { font-size: 1.45rem; font-weight: 650; margin: 2px 0; }
        .card .detail { font-size: 0.88rem; }
        .card .change { font-size: 0.85rem; margin-top: 4px; color: var(--muted); }
        ul.verdict { margin: 6px 0; padding-left: 20px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 0.88rem; margin: 6px 0 10px 0; }
        th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
        th { background: #eef1f4; font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        td.chain { font-size: 0.8rem; color: var(--muted); min-width: 16em; }
        tr.late-row td { background: #fbeaea; }
        tr.caution-row td { background: #fdf3dc; }
        tr.critical td:first-child { box-shadow: inset 3px 0 0 var(--late); }
        table.sortable th { cursor: pointer; }
        table.sortable th[aria-sort="ascending"]::after { content: " \\25B2"; font-size: 0.7em; }
        table.sortable th[aria-sort="descending"]::after { content: " \\25BC"; font-size: 0.7em; }
        .id { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.82em; color: var(--muted); }
        .badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 0.78rem; font-weight: 600; white-space: nowrap; }
        .sev-critical { background: #f4a6a0; } .sev-high { background: #fdc98a; } .sev-medium { background: #fcefa1; } .sev-low { background: #cfe8c4; } .sev-none { background: #e8e8e8; }
        .pass { background: #d5efdc; color: #14532d; } .fail { background: #f8d3d3; color: #7f1d1d; } .na { background: #e8e8e8; color: #444444; }
        .met { color: var(--ok); } .open { color: var(--muted); } .failed { color: var(--late); }
        ol.chain { margin: 6px 0; padding-left: 24px; }
        ol.chain li.resolution { color: var(--muted); font-style: italic; }
        ul.criteria { list-style: none; padding-left: 6px; margin: 4px 0 10px 0; }
        figure { margin: 10px 0 18px 0; }
        figure .frame { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 6px; background: #ffffff; }
        figcaption { font-weight: 600; margin-bottom: 4px; }
        svg.diagram { display: block; max-width: 100%; height: auto; }
        figure.zoomable .frame { cursor: zoom-in; }
        figure.zoomable.full .frame { cursor: zoom-out; max-height: 85vh; overflow: auto; }
        figure.zoomable.full svg.diagram { max-width: none; }
        .owner { break-inside: avoid; }
        footer { max-width: 1200px; margin: 0 auto; padding: 10px 28px 30px 28px; font-size: 0.82rem; color: var(--muted); }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          html { font-size: 10.5pt; }
          header.masthead { background: none; color: var(--ink); padding: 0; }
          header.masthead p { color: var(--muted); }
          nav, .screen-only { display: none; }
          main { max-width: none; padding: 0; }
          section { break-before: page; border-bottom: none; }
          section:first-of-type { break-before: auto; }
          tr, .card, figure { break-inside: avoid; }
          .scroll, figure .frame { overflow: visible; }
          figure.zoomable.full .frame { max-height: none; }
          svg.diagram, figure.zoomable.full svg.diagram { max-width: 100%; max-height: 170mm; width: auto; }
          a { color: inherit; }
        }
        """

    /// Sorts a table by the clicked header: numbers by `data-sort` (weeks,
    /// percentages, ranks), the rest by text; a second click reverses. A click on
    /// a large diagram shows it at full size. Without script the tables read in
    /// the pack's own order and the diagrams fit the page.
    static let script = """
        //<![CDATA[
        document.querySelectorAll('table.sortable th').forEach(function (th) {
          th.title = 'Sort by this column';
          th.addEventListener('click', function () {
            var table = th.closest('table'), body = table.tBodies[0];
            var column = Array.prototype.indexOf.call(th.parentNode.children, th);
            var ascending = th.getAttribute('aria-sort') !== 'ascending';
            table.querySelectorAll('th').forEach(function (other) { other.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            function key(row) {
              var cell = row.cells[column];
              if (!cell) return '';
              var value = cell.getAttribute('data-sort');
              return value !== null && value !== '' && !isNaN(value) ? Number(value) : cell.textContent.trim().toLowerCase();
            }
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a), y = key(b);
              var order = typeof x === 'number' && typeof y === 'number' ? x - y
                : typeof x === 'number' ? -1 : typeof y === 'number' ? 1 : String(x).localeCompare(String(y));
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
        document.querySelectorAll('figure.zoomable .frame').forEach(function (frame) {
          frame.addEventListener('click', function () { frame.parentNode.classList.toggle('full'); });
        });
        //]]>
        """
}
