// Buttons marked data-copy="<id>" copy that element's text, and say so in #copied (a polite status).
(function () {
  'use strict';
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var text = document.getElementById(button.getAttribute('data-copy')).textContent;
      var status = document.getElementById('copied');
      navigator.clipboard.writeText(text).then(function () {
        if (status) { status.textContent = 'Copied.'; }
      }, function () {
        if (status) { status.textContent = 'Select the line and copy it (Ctrl+C).'; }
      });
    });
  });
})();
