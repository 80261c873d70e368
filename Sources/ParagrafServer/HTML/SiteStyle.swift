import ParagrafDiff

/// The site's style sheet: the change report's (so that a report sits in the site's frame unchanged), then the
/// site's own rules. Responsive down to 400 px; a print style that drops the navigation and forms.
enum SiteStyle {
    static let css = HTMLReportFormatter.styleSheet + "\n" + site

    private static let site = """
        nav.site{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;background:#16304a;padding:8px 28px}
        nav.site a.brand{color:#fff;font-weight:bold;text-decoration:none;font-size:18px}
        form.search{display:flex;gap:6px;flex:1 1 320px;max-width:640px}
        form.search input{flex:1;min-width:0;font:inherit;padding:5px 8px;border:1px solid #99a;border-radius:4px}
        button{font:inherit;padding:5px 12px;border:1px solid #1f3b57;background:#1f3b57;color:#fff;border-radius:4px;cursor:pointer}
        header .crumbs{margin:0 0 6px;font-size:14px}header .crumbs a{color:#cfe0f2}
        header .versions a{color:#fff}
        a{color:#1f5f9f}
        .lede{color:var(--muted)}
        ul.plain,ol.plain{list-style:none;padding:0;margin:0}ul.plain li{margin:4px 0}
        .report-crumbs{padding:0 28px;font-size:14px}
        .meta dd,.box li{overflow-wrap:anywhere}
        main>section:first-child form.search.big{margin-top:12px}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
        .box{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 14px}
        .box h2,.box h3{margin-top:0;border:0}
        .meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0}.meta dt{color:var(--muted)}.meta dd{margin:0}
        ol.timeline{list-style:none;padding:0;margin:0;border-left:3px solid #1f3b57}
        ol.timeline>li{position:relative;margin:0 0 12px;padding:6px 12px;background:#fff;border:1px solid var(--line);border-left:0;border-radius:0 6px 6px 0}
        ol.timeline>li:before{content:"";position:absolute;left:-8px;top:12px;width:11px;height:11px;border-radius:50%;background:#1f3b57}
        ol.timeline>li.notext:before{background:#fff;border:2px solid #1f3b57;width:7px;height:7px}
        ol.timeline>li.amendment{margin-left:24px;font-size:14px}
        .interval{font-variant-numeric:tabular-nums;white-space:nowrap}
        .toc ul{list-style:none;padding-left:18px;margin:2px 0}.toc>ul{padding-left:0}.toc li{margin:2px 0}
        .toc .words{color:var(--muted)}
        .law{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 16px;font-family:Georgia,"Times New Roman",serif;font-size:16px;line-height:1.6}
        .law p{margin:6px 0}.law .item{margin-left:24px}.law .item .item{margin-left:24px}
        .law .label{font-weight:bold}.law h3{font-size:17px;margin:10px 0 4px}
        .law a.cite{text-decoration:underline dotted}.law a.cite.missing{color:#8a1010}
        .status{font-size:12px;border-radius:10px;padding:0 7px;background:#e6e6e6;white-space:nowrap}
        .status.linked,.status.resolved{background:#c9efc9}.status.unresolved,.status.missing{background:#f7c9c9}
        table.list{margin:6px 0}table.list td.n{white-space:nowrap}
        .hit{margin:0 0 14px}.hit h3{margin:0 0 2px;font-size:16px}.hit p{margin:2px 0}
        mark{background:#fff1a8;padding:0 1px}
        form.filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:end;margin:10px 0 18px}
        form.filters label{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}
        form.filters input,form.filters select{font:inherit;padding:4px 6px;border:1px solid #99a;border-radius:4px}
        .notice{background:#fff7e0;border:1px solid #f0d890;border-radius:6px;padding:8px 12px}
        .error{background:#fdeaea;border:1px solid #f0b0b0;border-radius:6px;padding:8px 12px}
        .history .step{margin:8px 0 14px}.history h3{margin:10px 0 4px;font-size:16px}
        @media (max-width:700px){
        nav.site{padding:8px 10px}form.search{flex-basis:100%}.report-crumbs{padding:0 10px}
        .grid{grid-template-columns:1fr}.law{padding:6px 10px;font-size:15px}.law .item{margin-left:14px}
        .meta{grid-template-columns:1fr}.meta dd{margin:0 0 6px}
        table.list{display:block;overflow-x:auto}
        }
        @media print{
        nav.site,form.filters,form.goto,footer{display:none}.law,.box,ol.timeline>li{border:0;padding:0}
        a.cite{color:inherit;text-decoration:none}mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }
        """
}
