/* Stadtdialog: small enhancements. The site works without this file. */
(function () {
  "use strict";

  // Collapse the main menu behind a toggle button on small screens.
  var toggle = document.querySelector(".nav-toggle");
  var menu = document.getElementById("site-menu");
  if (!toggle || !menu) {
    return;
  }

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("is-collapsed", !open);
  }

  toggle.hidden = false;
  setOpen(false);

  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true" &&
        toggle.offsetParent !== null) {
      setOpen(false);
      toggle.focus();
    }
  });
})();
