/* Assistant Gateway web chat loader: a launcher button; the chat itself (chat.js) loads when the visitor opens it.
   Sets no cookie and stores nothing until then. */
(function () {
  var script = document.currentScript;
  if (!script || window.__assistantGatewayLoader) { return; }
  window.__assistantGatewayLoader = true;
  var base = new URL(script.src, location.href).origin;
  var binding = script.getAttribute('data-binding');
  var label = script.getAttribute('data-label') || 'Chat with us';
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';
  function mount() {
    var button = document.createElement('button');
    button.type = 'button';
    button.id = 'agw-launcher';
    button.textContent = label;
    button.setAttribute('aria-haspopup', 'dialog');
    button.style.cssText = 'position:fixed;bottom:20px;' + side + ':20px;z-index:2147483000;padding:12px 18px;' +
      'border:0;border-radius:24px;background:#1f6feb;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;' +
      'box-shadow:0 4px 14px rgba(0,0,0,.25)';
    button.addEventListener('click', function () {
      if (window.AssistantGatewayChat) { window.AssistantGatewayChat.open(); return; }
      button.disabled = true;
      var chat = document.createElement('script');
      chat.src = base + '/widget/v1/chat.js';
      chat.async = true;
      chat.setAttribute('data-binding', binding);
      chat.setAttribute('data-base', base);
      chat.setAttribute('data-mode', 'widget');
      chat.onload = function () { button.disabled = false; };
      document.head.appendChild(chat);
    });
    document.body.appendChild(button);
  }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
