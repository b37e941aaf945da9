/*
 * Copy buttons for a readout's citations ("How to cite").
 *
 * The buttons are in the page, hidden: without script a reader selects the text in its
 * box (each box takes the keyboard focus). With script they are shown; a press copies the
 * citation's text and says so beside the button, in a status that screen readers announce.
 * Nothing is fetched and nothing comes from another host.
 */
(function () {
  "use strict";

  function fallbackCopy(box) {
    var range = document.createRange();
    range.selectNodeContents(box);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(box) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(box.textContent).catch(function () {
        return fallbackCopy(box);
      });
    }
    return fallbackCopy(box);
  }

  function setUp() {
    var panels = document.querySelectorAll(".readout-cite");
    Array.prototype.forEach.call(panels, function (panel) {
      Array.prototype.forEach.call(panel.querySelectorAll("button[data-cite-copy]"), function (button) {
        var box = document.getElementById(button.getAttribute("data-cite-copy"));
        var status = button.parentNode.querySelector(".cite-status");
        if (!box || !status) return;
        button.hidden = false;
        button.addEventListener("click", function () {
          var label = button.textContent.replace(/^Copy /, "");
          copy(box).then(function () {
            status.textContent = label + " copied to the clipboard.";
          }, function () {
            status.textContent = "Could not copy: the " + label + " text is selected, copy it with your keyboard.";
          });
        });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
