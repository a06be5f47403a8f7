// Drives headless Chromium over the DevTools protocol: logs in through the portal's login form (which must send its
// CSRF token), opens the leaderboards and the dashboard (ECharts), and reports every error the browser logs, among
// them each Content-Security-Policy violation ("... violates the following Content Security Policy directive").
// Usage (a portal with the demo data on PORT, Node 20+):
//   chromium --headless=new --no-sandbox --remote-debugging-port=19222 --user-data-dir=$(mktemp -d) about:blank &
//   node --experimental-websocket bench/browser-check.js http://127.0.0.1:$PORT 19222
const base = process.argv[2];
const port = process.argv[3];
const sleep = ms => new Promise(r => setTimeout(r, ms));
(async () => {
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const page = targets.find(t => t.type === 'page');
  const ws = new WebSocket(page.webSocketDebuggerUrl);
  await new Promise(r => ws.onopen = r);
  let id = 0; const pending = new Map(); const problems = [];
  ws.onmessage = m => {
    const msg = JSON.parse(m.data);
    if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); }
    if (msg.method === 'Log.entryAdded') { problems.push(`[log ${msg.params.entry.level} ${msg.params.entry.source}] ${msg.params.entry.text} ${msg.params.entry.url ?? ''}`); }
    if (msg.method === 'Runtime.consoleAPICalled' && msg.params.type === 'error') {
      problems.push(`[console] ${msg.params.args.map(a => a.value ?? a.description).join(' ')}`);
    }
    if (msg.method === 'Runtime.exceptionThrown') { problems.push(`[exception] ${msg.params.exceptionDetails.text} ${msg.params.exceptionDetails.exception?.description ?? ''}`); }
  };
  const send = (method, params = {}) => new Promise(r => { const i = ++id; pending.set(i, r); ws.send(JSON.stringify({id: i, method, params})); });
  const evaluate = async expr => (await send('Runtime.evaluate', {expression: expr, awaitPromise: true, returnByValue: true})).result?.result?.value;
  await send('Log.enable'); await send('Runtime.enable'); await send('Page.enable');
  await send('Page.navigate', {url: `${base}/login`}); await sleep(6000);
  console.log('login page shows the form:', await evaluate(`!!document.querySelector('vaadin-login-form')`));
  console.log('csrf meta present:', await evaluate(`!!document.querySelector('meta[name=_csrf]')`));
  await evaluate(`(() => { const f = document.querySelector('vaadin-login-form');
      f.querySelector('input[name=username]').value = 'tinh.giamsat';
      const u = f.querySelector('vaadin-text-field'); if (u) u.value = 'tinh.giamsat';
      const p = f.querySelector('vaadin-password-field'); if (p) p.value = 'Demo@2024';
      f.querySelector('vaadin-button, [slot=submit]')?.click() ?? f.submit(); return true; })()`);
  await sleep(6000);
  console.log('after login:', await evaluate('location.pathname + location.search'));
  for (const path of ['/leaderboards', '/dashboard']) {
    await send('Page.navigate', {url: `${base}${path}`}); await sleep(9000);
    console.log(path, '->', await evaluate('location.pathname'), 'echarts loaded:', await evaluate('typeof window.echarts'), 'chart elements (canvas/svg):',
      await evaluate(`(() => { const all = []; const walk = n => { n.querySelectorAll('*').forEach(e => { if (e.tagName === 'CANVAS' || e.tagName === 'svg') all.push(e); if (e.shadowRoot) walk(e.shadowRoot); }); }; walk(document); return all.length; })()`));
  }
  console.log('problems:', problems.length ? '\n  ' + problems.join('\n  ') : 'none');
  ws.close(); process.exit(0);
})().catch(e => { console.error(e); process.exit(1); });
