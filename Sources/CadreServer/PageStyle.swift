extension PageAssets {
    static let style = ##"""
        :root { --ink: #1d2733; --muted: #5d6b7a; --line: #d5dce4; --accent: #b3261e; --ok: #1b7f3b; --warn: #a15c00; --bg: #f6f7f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); }
        header { display: flex; gap: 1.2em; align-items: center; padding: .6em 1.2em; background: #7a1712; color: #fff; }
        header a { color: #fff; text-decoration: none; font-weight: 600; }
        header a.brand { font-size: 1.15em; margin-right: 1em; }
        header .spacer { flex: 1; }
        header button { background: transparent; color: #fff; border: 1px solid #fff8; }
        main { max-width: 1200px; margin: 0 auto; padding: 1em 1.2em 4em; }
        h1 { font-size: 1.4em; margin: .4em 0 .6em; }
        h2 { font-size: 1.15em; margin: 1.4em 0 .5em; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8em 1em; margin: 0 0 1em; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid var(--line); padding: .3em .5em; text-align: left; vertical-align: top; }
        th { background: #eef1f4; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        input[type=number] { width: 10em; text-align: right; }
        input, select, button { font: inherit; padding: .25em .5em; border: 1px solid #aab4be; border-radius: 4px; }
        button { background: #fff; cursor: pointer; }
        button.primary { background: var(--accent); color: #fff; border-color: var(--accent); font-weight: 600; }
        button:disabled { opacity: .5; cursor: default; }
        .row { display: flex; flex-wrap: wrap; gap: .6em 1.2em; align-items: center; margin: .4em 0; }
        .muted { color: var(--muted); }
        .error { color: var(--accent); font-weight: 600; }
        .problems li { font-family: ui-monospace, monospace; font-size: .9em; }
        .state { display: inline-block; padding: 0 .5em; border-radius: 3px; color: #fff; background: var(--muted); }
        .state-done { background: var(--ok); } .state-failed { background: var(--accent); } .state-running { background: #1f5fa8; }
        .state-stopped, .state-interrupted { background: var(--warn); }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(10em, 1fr)); gap: .6em; }
        .figures div { background: #f3f5f7; border-radius: 4px; padding: .4em .6em; }
        .figures b { display: block; font-size: 1.2em; }
        pre { white-space: pre-wrap; background: #f3f5f7; padding: .6em; border-radius: 4px; max-height: 24em; overflow: auto; }
        svg.curve { width: 100%; max-width: 640px; height: 180px; background: #fbfcfd; border: 1px solid var(--line); }
        .pager { display: flex; gap: .6em; align-items: center; margin: .4em 0; }
        .notice { background: #fff6e0; border: 1px solid #e8c56a; padding: .5em .8em; border-radius: 4px; }
        a { color: #1f5fa8; }
        """##
}
