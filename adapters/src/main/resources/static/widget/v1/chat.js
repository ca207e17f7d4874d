/* Assistant Gateway web chat: the conversation UI, used by the embedded widget and by each assistant's hosted page.
   Messages go in over POST; the conversation's events come over Server-Sent Events read with fetch (the session
   token travels in a header, never in a URL), resumed after the last event id on every reconnect. */
(function () {
  'use strict';
  var script = document.currentScript;
  var binding = script.getAttribute('data-binding');
  var base = script.getAttribute('data-base') || new URL(script.src, location.href).origin;
  var mode = script.getAttribute('data-mode') || 'widget';
  var api = base + '/channels/webchat/' + encodeURIComponent(binding);
  var storeKey = 'agw:' + binding;
  var state = { session: null, resume: null, persistence: 'local', lastId: 0, seen: {}, drafts: {}, waiting: null,
    retry: 0, stream: null, closed: false };

  var css = ':host{all:initial}*{box-sizing:border-box;font-family:system-ui,-apple-system,Segoe UI,sans-serif}' +
    '.panel{display:flex;flex-direction:column;background:#fff;color:#1d2330;height:100%;width:100%}' +
    '.widget{position:fixed;bottom:20px;width:370px;max-width:calc(100vw - 24px);height:560px;' +
    'max-height:calc(100vh - 40px);border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.3);overflow:hidden;' +
    'z-index:2147483001}.right{right:20px}.left{left:20px}' +
    'header{display:flex;align-items:center;justify-content:space-between;padding:12px 16px;color:#fff;background:var(--c)}' +
    '.avatar{width:28px;height:28px;border-radius:50%;margin-right:8px;object-fit:cover}h1,h2{flex:1;font-size:16px;margin:0}.close{background:transparent;border:0;color:#fff;font-size:22px;cursor:pointer;' +
    'line-height:1;padding:4px 8px}.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px}' +
    '.msg{max-width:85%;padding:9px 12px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word;font-size:14px;' +
    'line-height:1.4}.visitor{align-self:flex-end;background:var(--c);color:#fff}' +
    '.assistant,.agent{align-self:flex-start;background:#eef1f5}.agent{border-left:3px solid #8a5a00}' +
    '.who{display:block;font-size:12px;color:#4a5160;margin-bottom:2px}.sources{margin:6px 0 0;padding-left:18px;font-size:12px}' +
    '.sources a{color:#0b4fb3}.typing{padding:0 16px 8px;font-size:13px;color:#4a5160;min-height:1.4em}' +
    '.error{align-self:center;color:#a1120a;font-size:13px}form{display:flex;gap:8px;padding:10px;border-top:1px solid #dde1e7}' +
    'textarea{flex:1;resize:none;border:1px solid #8a93a3;border-radius:8px;padding:8px;font-size:14px;color:#1d2330}' +
    'button.attach{border:1px solid #8a93a3;border-radius:8px;background:#fff;color:#1d2330;font-size:18px;padding:0 10px;cursor:pointer}' +
    '.files{font-size:12px;color:#4a5160;padding:0 12px}' +
    'button.stop{border:1px solid #8a93a3;border-radius:8px;background:#fff;color:#1d2330;padding:0 10px;cursor:pointer}' +
    'button.send{border:0;border-radius:8px;padding:0 14px;background:var(--c);color:#fff;font-weight:600;cursor:pointer}' +
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
    ':focus-visible{outline:3px solid #ffbf47;outline-offset:1px}';

  var heading = mode === 'page' ? 'h1' : 'h2';
  var host = document.createElement('div');
  host.id = 'agw-chat';
  var root = host.attachShadow({ mode: 'open' });
  // A constructed style sheet, not a <style> element: pages whose Content-Security-Policy forbids inline styles (the
  // console's, many shops') still show the chat.
  var sheet = null;
  try { sheet = new CSSStyleSheet(); sheet.replaceSync(css); root.adoptedStyleSheets = [sheet]; } catch (e) { sheet = null; }
  root.innerHTML = (sheet ? '' : '<style>' + css + '</style>') +
    '<section class="panel" role="' + (mode === 'page' ? 'region' : 'dialog') + '" aria-labelledby="agw-title">' +
    '<header><' + heading + ' id="agw-title">Chat</' + heading + '>' +
    (mode === 'page' ? '' : '<button type="button" class="close" aria-label="Close chat">\u00d7</button>') +
    '</header><div class="log" role="log" aria-live="polite" aria-relevant="additions" tabindex="0"' +
    ' aria-label="Conversation"></div><div class="typing" aria-live="polite"></div>' +
    '<div class="files" aria-live="polite"></div>' +
    '<form><label class="sr" for="agw-input">Your message</label>' +
    '<textarea id="agw-input" rows="2" maxlength="4000" placeholder="Type your question"></textarea>' +
    '<button type="button" class="attach" hidden aria-label="Attach a file">+</button>' +
    '<input type="file" class="file" hidden multiple tabindex="-1" aria-hidden="true">' +
    '<button type="button" class="stop" hidden>Stop</button>' +
    '<button type="submit" class="send">Send</button></form></section>';
  var panel = root.querySelector('.panel');
  var log = root.querySelector('.log');
  var typing = root.querySelector('.typing');
  var input = root.querySelector('textarea');
  var stopButton = root.querySelector('.stop');
  var attachButton = root.querySelector('.attach');
  var fileInput = root.querySelector('.file');
  var filesLine = root.querySelector('.files');
  var accepts = { types: [], maxBytes: 0 };
  var pendingFiles = [];
  panel.style.setProperty('--c', '#1f6feb');
  if (mode === 'page') {
    document.body.style.margin = '0';
    host.style.display = 'block';
    host.style.height = '100vh';
    (document.getElementById(script.getAttribute('data-mount')) || document.body).appendChild(host);
  } else {
    panel.classList.add('widget', 'right');
    document.body.appendChild(host);
    root.querySelector('.close').addEventListener('click', close);
    root.addEventListener('keydown', function (e) { if (e.key === 'Escape') { close(); } });
  }

  function close() { host.hidden = true; var l = document.getElementById('agw-launcher'); if (l) { l.focus(); } }
  function open() { host.hidden = false; input.focus(); }
  window.AssistantGatewayChat = { open: open };

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
  }

  function storage(kind) {
    try { return kind === 'local' ? window.localStorage : kind === 'tab' ? window.sessionStorage : null; }
    catch (e) { return null; }
  }
  function remembered() {
    var stores = [storage('local'), storage('tab')];
    for (var i = 0; i < stores.length; i++) {
      var raw = stores[i] && stores[i].getItem(storeKey);
      if (raw) { try { return JSON.parse(raw); } catch (e) { stores[i].removeItem(storeKey); } }
    }
    return null;
  }
  function remember() {
    ['local', 'tab'].forEach(function (kind) { var s = storage(kind); if (s) { s.removeItem(storeKey); } });
    var store = storage(state.persistence);
    if (store) { store.setItem(storeKey, JSON.stringify({ resume: state.resume })); }
  }

  function bubble(role, text, citations, id) {
    var item = document.createElement('div');
    item.className = 'msg ' + role;
    if (id) { item.setAttribute('data-id', id); }
    if (arguments[4]) { item.setAttribute('data-reply-to', arguments[4]); }
    if (role !== 'visitor') {
      var who = document.createElement('span');
      who.className = 'who';
      who.textContent = role === 'agent' ? 'Agent' : 'Assistant';
      item.appendChild(who);
    }
    item.appendChild(document.createTextNode(text));
    (arguments[5] || []).forEach(function (file) {
      var line = document.createElement('span');
      line.className = 'who';
      line.textContent = '\ud83d\udcce ' + file.fileName;
      item.appendChild(line);
    });
    if (citations && citations.length) {
      var list = document.createElement('ol');
      list.className = 'sources';
      list.setAttribute('aria-label', 'Sources');
      citations.forEach(function (c) {
        var li = document.createElement('li');
        var label = c.title || c.source;
        if (/^https?:\/\//i.test(c.source || '')) {
          var a = document.createElement('a');
          a.href = c.source; a.target = '_blank'; a.rel = 'noopener noreferrer'; a.textContent = label;
          li.appendChild(a);
        } else { li.textContent = label; }
        list.appendChild(li);
      });
      item.appendChild(list);
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }
  function notice(text) { var n = document.createElement('div'); n.className = 'error'; n.textContent = text; log.appendChild(n); }

  function openSession() {
    var saved = remembered();
    var body = saved && saved.resume ? { resume: saved.resume } : {};
    var identity = window.AssistantGatewayVisitor;
    if (identity && identity.id) { body.visitorId = identity.id; body.visitorHash = identity.hash; }
    return fetch(api + '/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body) }).then(function (r) {
      if (!r.ok) { throw { status: r.status }; }
      return r.json();
    }).then(function (s) {
      state.session = s.session; state.resume = s.resume; state.persistence = s.persistence;
      root.getElementById('agw-title').textContent = s.theme.title;
      accepts = s.attachments || accepts;
      attachButton.hidden = !accepts.types.length;
      fileInput.accept = accepts.types.join(',');
      if (s.theme.avatarUrl && !root.querySelector('.avatar')) {
        var avatar = document.createElement('img');
        avatar.className = 'avatar'; avatar.alt = ''; avatar.src = s.theme.avatarUrl;
        root.getElementById('agw-title').before(avatar);
      }
      panel.style.setProperty('--c', s.theme.color);
      if (mode !== 'page') { panel.classList.toggle('left', s.theme.position === 'left'); panel.classList.toggle('right', s.theme.position !== 'left'); }
      if (!log.querySelector('.greeting')) { bubble('assistant', s.theme.greeting).classList.add('greeting'); }
      remember();
    });
  }

  function connect() {
    if (state.closed) { return; }
    var headers = { Authorization: 'Bearer ' + state.session, Accept: 'text/event-stream' };
    if (state.lastId) { headers['Last-Event-ID'] = String(state.lastId); }
    var aborter = new AbortController();
    state.stream = aborter;
    fetch(api + '/events', { headers: headers, signal: aborter.signal, cache: 'no-store' }).then(function (r) {
      if (r.status === 401) { return openSession().then(connect); }
      if (!r.ok) { throw { status: r.status }; }
      state.retry = 0;
      var reader = r.body.getReader(), decoder = new TextDecoder(), buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { throw { ended: true }; }
          buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n?/g, '\n');
          var cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) { dispatch(buffer.slice(0, cut)); buffer = buffer.slice(cut + 2); }
          return pump();
        });
      }
      return pump();
    }).catch(function (e) {
      if (state.closed || (e && e.status === 403)) { if (e && e.status === 403) { notice('This chat is not available here.'); } return; }
      state.retry = Math.min(state.retry + 1, 5);
      setTimeout(connect, 500 * state.retry);
    });
  }

  function dispatch(block) {
    var event = 'message', data = '', id = null;
    block.split('\n').forEach(function (line) {
      if (line.indexOf(':') === 0) { return; }
      var colon = line.indexOf(':'), field = colon < 0 ? line : line.slice(0, colon);
      var value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') { event = value; } else if (field === 'data') { data += (data ? '\n' : '') + value; }
      else if (field === 'id') { id = value; }
    });
    if (id !== null) { state.lastId = Number(id) || state.lastId; }
    if (event === 'ready') { host.setAttribute('data-ready', 'true'); return; }
    if (!data) { return; }
    var m = JSON.parse(data);
    if (event === 'token') { grow(m.replyTo, m.text); return; }
    if (event !== 'message' || state.seen[m.id]) { return; }
    state.seen[m.id] = true;
    if (m.role === 'visitor' && root.querySelector('[data-id="' + m.id + '"]')) { return; }
    // The stream can announce the visitor's own message before its POST has answered: the bubble already shown is it.
    if (m.role === 'visitor' && adopt(m.id, m.text)) { return; }
    var draft = m.replyTo && state.drafts[m.replyTo];
    if (m.role !== 'visitor') { typing.textContent = ''; }
    if (m.replyTo && m.replyTo === state.waiting) { state.waiting = null; stopButton.hidden = true; }
    var item = bubble(m.role, m.text, m.citations, m.id, m.replyTo, m.attachments);
    // The stored reply replaces what was streamed of it, where the stream showed it.
    if (draft) { log.replaceChild(item, draft); delete state.drafts[m.replyTo]; }
  }

  /** Gives the first bubble this page is still sending with this text the id the gateway stored it under. */
  function adopt(id, text) {
    var pending = Array.prototype.filter.call(root.querySelectorAll('.msg.visitor[data-pending]'), function (p) {
      return p.agwText === text;
    })[0];
    if (!pending) { return false; }
    pending.removeAttribute('data-pending');
    pending.setAttribute('data-id', id);
    return true;
  }

  /** A reply being written: its tokens grow one bubble until the stored reply replaces it. */
  function grow(replyTo, text) {
    var draft = state.drafts[replyTo];
    if (!draft) {
      if (root.querySelector('[data-reply-to="' + replyTo + '"]')) { return; }
      draft = state.drafts[replyTo] = bubble('assistant', '');
      draft.classList.add('draft');
      draft.setAttribute('aria-busy', 'true');
      typing.textContent = '';
    }
    draft.lastChild.nodeValue += text;
    log.scrollTop = log.scrollHeight;
  }

  function send(text, clientMessageId, item, attempt, files) {
    return fetch(api + '/messages', { method: 'POST', headers: { 'Content-Type': 'application/json',
      Authorization: 'Bearer ' + state.session }, body: JSON.stringify({ text: text, clientMessageId: clientMessageId,
      attachments: files, locale: document.documentElement.lang || undefined }) }).then(function (r) {
      if (r.status === 401) { return openSession().then(function () { return send(text, clientMessageId, item, attempt, files); }); }
      if (!r.ok) { return r.json().catch(function () { return {}; }).then(function (p) { throw { status: r.status, detail: p.detail }; }); }
      return r.json().then(function (accepted) {
        state.seen[accepted.messageId] = true;
        var shown = root.querySelector('[data-id="' + accepted.messageId + '"]');
        // Shown already from the stream under another bubble (its text was not this one's): keep one of the two.
        if (shown && shown !== item) { item.remove(); } else { item.removeAttribute('data-pending'); item.setAttribute('data-id', accepted.messageId); }
        // Nothing to stop once its reply is shown, which the stream may have done first.
        if (!root.querySelector('[data-reply-to="' + accepted.messageId + '"]')) {
          state.waiting = accepted.messageId;
          stopButton.hidden = false;
        }
      });
    }).catch(function (e) {
      if (e && e.status) { typing.textContent = ''; notice(e.status === 429 ? 'Too many messages; wait a moment.' : (e.detail || 'Not sent.')); return; }
      if (attempt < 5) { return new Promise(function (res) { setTimeout(res, 1000 * (attempt + 1)); })
        .then(function () { return send(text, clientMessageId, item, attempt + 1, files); }); }
      notice('Not sent: no connection.');
    });
  }

  root.querySelector('form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if ((!text && !pendingFiles.length) || !state.session) { return; }
    input.value = '';
    var files = pendingFiles;
    pendingFiles = [];
    filesLine.textContent = '';
    var item = bubble('visitor', text, null, null, null, files);
    item.setAttribute('data-pending', 'true');
    item.agwText = text;
    typing.textContent = 'Assistant is typing\u2026';
    send(text, uuid(), item, 0, files);
  });
  attachButton.addEventListener('click', function () { fileInput.click(); });
  fileInput.addEventListener('change', function () {
    Array.prototype.slice.call(fileInput.files, 0, 3).forEach(function (file) {
      if (file.size > accepts.maxBytes) { notice(file.name + ' is too large.'); return; }
      var reader = new FileReader();
      reader.onload = function () {
        pendingFiles.push({ fileName: file.name, contentType: file.type || 'application/octet-stream',
          data: String(reader.result).split(',')[1] || '' });
        filesLine.textContent = 'To send: ' + pendingFiles.map(function (f) { return f.fileName; }).join(', ');
      };
      reader.readAsDataURL(file);
    });
    fileInput.value = '';
  });
  stopButton.addEventListener('click', function () {
    if (!state.waiting) { return; }
    stopButton.hidden = true;
    fetch(api + '/messages/' + encodeURIComponent(state.waiting) + '/stop', { method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + state.session }, body: '{}' });
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); root.querySelector('form').requestSubmit(); }
  });

  openSession().then(connect).then(function () { if (mode !== 'page') { input.focus(); } }).catch(function (e) {
    notice(e && e.status === 403 ? 'This chat is not available on this site.' :
      e && e.status === 401 ? 'Please sign in to chat.' : 'The chat could not start.');
  });
})();
