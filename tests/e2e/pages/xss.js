// Any payload that runs anywhere (page, popup, clean-view frame) reports here.
window.__xssSeen = 0;
window.addEventListener("message", (e) => {
  if (e.data === "cleanview-xss") window.__xssSeen++;
});
